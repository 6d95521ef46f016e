// The queue's keyboard shortcuts, opened with "?".
import { useRef } from 'react';
import { Dialog } from '../shared/dialog.tsx';

export const QUEUE_KEYS: Array<[string, string]> = [
  ['j', 'Next case'],
  ['k', 'Previous case'],
  ['o or Enter', 'Open the selected case'],
  ['c', 'Claim the selected case'],
  ['x', 'Tick the selected case to decide several together'],
  ['r', 'Refresh now'],
  ['?', 'Show this help'],
];

export function KeyboardHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose} initialFocus={close}>
      <dl className="shortcuts">
        {QUEUE_KEYS.map(([k, what]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Shortcuts are off while you type in a field.</p>
      <div className="dialog-actions">
        <button ref={close} type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
