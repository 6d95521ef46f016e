// "Verify the chain" on the audit page: walks the hash chain a chunk per request (the server verifies at
// most a few thousand entries per call), shows how far it has got, and names the first broken entry.
import { useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import type { AuditChunk } from './audit-types.ts';
import { useApi } from './session.tsx';

const CHUNK = 2000;

type Progress =
  | { state: 'idle' }
  | { state: 'running'; through: number; head: number }
  | { state: 'intact'; entries: number }
  | { state: 'broken'; seq: number; message: string; entries: number };

export function AuditVerify() {
  const api = useApi();
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const [error, setError] = useState<ApiError>();
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function run() {
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    setError(undefined);
    setProgress({ state: 'running', through: 0, head: 0 });
    let after = 0;
    try {
      for (;;) {
        const chunk = await api.get<AuditChunk>(`/api/v1/admin/audit/verify?after=${after}&limit=${CHUNK}`, { signal: ctrl.signal });
        if (!chunk.ok) {
          setProgress({
            state: 'broken',
            seq: chunk.seq ?? after + chunk.entries + 1,
            message: chunk.message ?? 'The chain is broken.',
            entries: after + chunk.entries,
          });
          return;
        }
        after = chunk.through ?? after;
        if (chunk.done) {
          setProgress({ state: 'intact', entries: after });
          return;
        }
        setProgress({ state: 'running', through: after, head: chunk.head });
      }
    } catch (err) {
      if (!ctrl.signal.aborted) {
        setError(asApiError(err));
        setProgress({ state: 'idle' });
      }
    }
  }

  const running = progress.state === 'running';
  return (
    <section aria-labelledby="audit-verify-h" className="panel audit-verify">
      <h2 id="audit-verify-h">Verify the chain</h2>
      <p className="muted">
        Checks every entry against its hash and the one before it, from the first entry on. A changed, inserted or deleted entry is named.
      </p>
      <button type="button" onClick={() => void run()} disabled={running}>
        {running ? 'Verifying…' : 'Verify the chain'}
      </button>
      <div role="status" aria-live="polite" className="audit-verify-result">
        {progress.state === 'running' && (
          <p>
            Verified {progress.through.toLocaleString('en-GB')} of {progress.head.toLocaleString('en-GB')} entries…
          </p>
        )}
        {progress.state === 'intact' && <p className="ok">The chain is intact: {progress.entries.toLocaleString('en-GB')} entries verified.</p>}
        {progress.state === 'broken' && (
          <p className="audit-broken">
            The chain is broken at entry {progress.seq}: {progress.message}. {progress.entries.toLocaleString('en-GB')} entries before it verified.
          </p>
        )}
      </div>
      <ErrorMessage error={error} title="The chain could not be verified" />
    </section>
  );
}
