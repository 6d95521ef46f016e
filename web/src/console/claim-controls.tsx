// Claim or release a case; says who holds it otherwise.
import { useState } from 'react';
import { isOpenState } from '../../../src/cases/case-values.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import type { CaseDetail } from '../shared/types.ts';
import { useApi, useUser } from './session.tsx';

export function ClaimControls({ detail, onChanged }: { detail: CaseDetail; onChanged(message: string): void }) {
  const api = useApi();
  const user = useUser();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const open = isOpenState(detail.state);
  if (!open) return null;

  async function act(what: 'claim' | 'release') {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/v1/cases/${detail.id}/${what}`);
      onChanged(what === 'claim' ? 'You have claimed this case.' : 'You have released this case.');
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="claim">
      {detail.assigneeId === null && (
        <button type="button" className="primary" disabled={busy} onClick={() => void act('claim')}>
          Claim this case
        </button>
      )}
      {detail.assigneeId === user.id && (
        <>
          <span>You have claimed this case.</span>{' '}
          <button type="button" disabled={busy} onClick={() => void act('release')}>
            Release
          </button>
        </>
      )}
      {detail.assigneeId !== null && detail.assigneeId !== user.id && <span>Another moderator has claimed this case.</span>}
      <ErrorMessage error={error} />
    </div>
  );
}
