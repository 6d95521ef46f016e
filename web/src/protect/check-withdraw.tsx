// Come back later: case number + PIN → each fingerprint's status and matches; withdraw them all.
import { useId, useState, type FormEvent } from 'react';
import { publicApi } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { protectErrorText } from './protect-errors.ts';
import type { ProtectStatus } from './protect-types.ts';
import { SubmissionStatus } from './submission-status.tsx';

interface Access {
  caseNumber: string;
  pin: string;
}

export function CheckWithdraw({ prefill }: { prefill?: Access }) {
  const id = useId();
  const [caseNumber, setCaseNumber] = useState(prefill?.caseNumber ?? '');
  const [pin, setPin] = useState(prefill?.pin ?? '');
  const [shown, setShown] = useState<{ access: Access; status: ProtectStatus }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');

  async function call(path: 'status' | 'withdraw', access: Access) {
    setBusy(true);
    setError(undefined);
    try {
      const status = await publicApi.post<ProtectStatus>(`/api/v1/protect/${path}`, access);
      setShown({ access, status });
      return true;
    } catch (err) {
      setError(asApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function check(e: FormEvent) {
    e.preventDefault();
    setNotice('');
    setShown(undefined);
    await call('status', { caseNumber: caseNumber.trim(), pin: pin.trim() });
  }

  async function withdraw() {
    if (!shown) return;
    const ok = await call('withdraw', shown.access);
    setConfirming(false);
    if (ok) setNotice('Your fingerprints have been withdrawn and deleted. They no longer match anything.');
  }

  const active = shown ? shown.status.hashes.filter((h) => h.status !== 'withdrawn').length : 0;

  return (
    <section className="protect-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Check or withdraw</h2>
      <p>Enter your case number and PIN to see whether copies were found, or to withdraw your fingerprints.</p>
      <form className="check-form" onSubmit={(e) => void check(e)}>
        <div className="field">
          <label htmlFor={`${id}-case`}>Case number</label>
          <input
            id={`${id}-case`}
            type="text"
            required
            maxLength={32}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            placeholder="P-1234-5678-9012"
            value={caseNumber}
            onChange={(e) => setCaseNumber(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pin`}>PIN</label>
          <input
            id={`${id}-pin`}
            type="text"
            required
            maxLength={32}
            autoComplete="off"
            inputMode="numeric"
            spellCheck={false}
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy && !confirming ? 'Checking…' : 'Check'}
        </button>
      </form>
      <div aria-live="polite">
        {error && (
          <div className="error-box" role="alert">
            <p className="error-title">{error.status === 404 ? 'Not found' : 'That did not work'}</p>
            <p>{protectErrorText(error)}</p>
          </div>
        )}
        {notice && <p className="notice-done">{notice}</p>}
        {shown && <SubmissionStatus status={shown.status} />}
      </div>
      {shown && active > 0 && (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Withdraw all fingerprints
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        danger
        busy={busy}
        title="Withdraw your fingerprints?"
        confirmLabel="Yes, withdraw and delete"
        onConfirm={() => void withdraw()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {active === 1 ? 'Your fingerprint' : `All ${active} fingerprints`} of case {shown?.status.caseNumber} will be deleted and stop matching at once. New
          copies of your images would then be posted without being held.
        </p>
        <p>
          Anything already held stays with our reviewers until they decide. This can’t be undone, but you can always send fingerprints again (you would get a
          new case number).
        </p>
      </ConfirmDialog>
    </section>
  );
}
