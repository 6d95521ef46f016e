// A modal built on <dialog>: the browser traps focus, Escape closes it and focus returns on close.
// On opening, focus goes to `initialFocus` when given (the safe or only choice), else to the browser's
// pick (the first focusable element). On closing, focus goes to `returnFocus` when given (the element that
// opened the dialog may be gone by then), right after close() and so never raced by the browser's own return.
import { type RefObject, useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  initialFocus?: RefObject<HTMLElement | null>;
  returnFocus?: RefObject<HTMLElement | null>;
}

export function Dialog({ open, title, onClose, children, className, initialFocus, returnFocus }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      initialFocus?.current?.focus();
    }
    if (!open && d.open) {
      d.close();
      returnFocus?.current?.focus();
    }
  }, [open, initialFocus, returnFocus]);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}
