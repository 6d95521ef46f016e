// A senior reverses a decided case from the console: a reason (sent to the owner with the new notice),
// then a confirmation naming what happens. The server decides who may (seniors and above).
import { useId, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { ErrorMessage } from '../shared/error-message.tsx';
import { useApi } from './session.tsx';

const MIN_REASON = 10;

export function ReverseForm({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const api = useApi();
  const id = useId();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  function ask(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setConfirming(true);
  }

  async function reverse() {
    setBusy(true);
    try {
      await api.post(`/api/v1/cases/${caseId}/reverse`, { reason });
      setConfirming(false);
      setReason('');
      onDone();
    } catch (err) {
      setConfirming(false);
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={ask} className="stack note-form">
      <div className="field">
        <label htmlFor={`${id}-reason`}>Why reverse this decision?</label>
        <p className="hint" id={`${id}-hint`}>
          The owner is sent this reason with a new notice. At least {MIN_REASON} characters.
        </p>
      </div>
      <textarea
        id={`${id}-reason`}
        aria-describedby={`${id}-hint`}
        dir="auto"
        rows={3}
        required
        minLength={MIN_REASON}
        maxLength={5000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="danger" disabled={reason.trim().length < MIN_REASON}>
        Reverse the decision
      </button>
      <ErrorMessage error={error} title="Could not reverse the decision" />
      <ConfirmDialog
        open={confirming}
        title="Reverse this decision?"
        confirmLabel="Reverse"
        danger
        busy={busy}
        onConfirm={() => void reverse()}
        onCancel={() => setConfirming(false)}
      >
        <p>What the decision blocked, removed or restricted is shown again at once, content held by detection is released, and the owner is told why.</p>
      </ConfirmDialog>
    </form>
  );
}
