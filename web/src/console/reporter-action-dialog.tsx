// A senior's reason for warning, setting aside or restoring a reporter, asked in a modal form (labelled
// textarea, keyboard usable, Escape cancels) instead of the browser's prompt. The reason goes to the audit log.
import { type FormEvent, type RefObject, useId, useRef, useState } from 'react';
import { Dialog } from '../shared/dialog.tsx';

export const REPORTER_ACTIONS = ['warn', 'set-aside', 'restore'] as const;
export type ReporterAction = (typeof REPORTER_ACTIONS)[number];

const TITLE: Record<ReporterAction, string> = { warn: 'Warn this reporter', 'set-aside': 'Set this reporter aside', restore: 'Restore this reporter' };
const CONFIRM: Record<ReporterAction, string> = { warn: 'Warn', 'set-aside': 'Set aside', restore: 'Restore' };
const EXPLAIN: Record<ReporterAction, string> = {
  warn: 'Their next report is answered with a warning about unfounded reports.',
  'set-aside': 'Their reports are still stored and answered, but weigh nothing for a time.',
  restore: 'Their reports weigh again by their record.',
};

interface Props {
  /** The action asked about, or none when closed. */
  action?: ReporterAction;
  busy: boolean;
  onSubmit(reason: string): void;
  onCancel(): void;
  returnFocus?: RefObject<HTMLElement | null>;
}

export function ReporterActionDialog({ action, busy, onSubmit, onCancel, returnFocus }: Props) {
  const id = useId();
  const [reason, setReason] = useState('');
  const text = useRef<HTMLTextAreaElement>(null);
  const close = () => {
    setReason('');
    onCancel();
  };
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return;
    onSubmit(reason.trim());
    setReason('');
  }
  return (
    <Dialog open={action !== undefined} title={action ? TITLE[action] : ''} onClose={close} initialFocus={text} returnFocus={returnFocus}>
      {action && (
        <form onSubmit={submit} className="stack">
          <div className="dialog-body">
            <p>{EXPLAIN[action]}</p>
            <div className="field">
              <label htmlFor={`${id}-reason`}>Reason</label>
              <p className="hint" id={`${id}-hint`}>
                Recorded in the audit log.
              </p>
              <textarea
                id={`${id}-reason`}
                ref={text}
                aria-describedby={`${id}-hint`}
                dir="auto"
                rows={3}
                required
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className={action === 'restore' ? 'primary' : 'danger'} disabled={busy || !reason.trim()}>
              {busy ? 'Working…' : CONFIRM[action]}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
