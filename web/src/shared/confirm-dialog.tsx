// "Are you sure?" for decisions that cannot be undone lightly.
import { type ReactNode, type RefObject, useRef } from 'react';
import { Dialog } from './dialog.tsx';

interface Props {
  open: boolean;
  title: string;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
  /** Where focus goes once the dialog has closed, when the button that opened it may be gone. */
  returnFocus?: RefObject<HTMLElement | null>;
  /** The public pages pass their catalogue's words; the console keeps the English defaults. */
  cancelLabel?: string;
  busyLabel?: string;
}

export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
  children,
  returnFocus,
  cancelLabel = 'Cancel',
  busyLabel = 'Working…',
}: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Dialog open={open} title={title} onClose={onCancel} initialFocus={cancel} returnFocus={returnFocus}>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        <button ref={cancel} type="button" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
