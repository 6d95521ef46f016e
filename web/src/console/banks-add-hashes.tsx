// Admins paste hash lines into a bank. A line the server cannot read stops the whole import and is
// listed by number; the admin can fix it, or import the valid lines and skip those.
import { useId, useState, type FormEvent } from 'react';
import { type ApiError, asApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import type { ImportResult } from './banks-types.ts';
import { useApi } from './session.tsx';
import { propertyOf } from '../../../src/shared/property-of.ts';

const MAX_LINES = 10_000;

type LineProblem = { line: number; message: string };
const lineProblems = (err: ApiError | undefined): LineProblem[] =>
  Array.isArray(err?.details) ? err.details.filter((d): d is LineProblem => typeof propertyOf(d, 'line') === 'number') : [];

export function BanksAddHashes({ bankName, onAdded }: { bankName: string; onAdded(): void }) {
  const api = useApi();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState('');
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const problems = lineProblems(error);

  async function send(skipInvalid: boolean) {
    setBusy(true);
    setError(undefined);
    setResult('');
    try {
      const r = await api.post<ImportResult>(`/api/v1/banks/${encodeURIComponent(bankName)}/entries`, { lines, ...(skipInvalid ? { skipInvalid } : {}) });
      const parts = [`Added ${r.added} hash${r.added === 1 ? '' : 'es'}`];
      if (r.duplicates) parts.push(`${r.duplicates} already in the bank`);
      if (r.rejected.length) parts.push(`${r.rejected.length} invalid line${r.rejected.length === 1 ? '' : 's'} skipped`);
      setResult(`${parts.join(', ')}.`);
      setText('');
      onAdded();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };
  const tooMany = lines.length > MAX_LINES;

  return (
    <form className="stack banks-add" onSubmit={submit} aria-label="Add hashes">
      <div className="field">
        <label htmlFor={`${id}-lines`}>Hashes, one per line</label>
        <p className="hint" id={`${id}-hint`}>
          A bare PDQ hash (64 hex characters), <code>pdq|md5|sha256 &lt;hash&gt; [label]</code>, or CSV lines <code>signal_type,signal_str,…</code> as exported
          by hash-sharing programmes. Up to {MAX_LINES.toLocaleString('en-GB')} lines; use <code>vigil banks import</code> for more.
        </p>
        <textarea
          id={`${id}-lines`}
          rows={4}
          className="mono"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-hint${problems.length ? ` ${id}-problems` : ''}`}
          aria-invalid={problems.length ? true : undefined}
        />
      </div>
      {problems.length > 0 ? (
        <div className="error-box" role="alert" id={`${id}-problems`}>
          <p className="error-title">{error?.message}</p>
          <ul className="line-problems">
            {problems.slice(0, 50).map((p) => (
              <li key={p.line}>
                <strong>Line {p.line}:</strong> <span className="user-text">{p.message}</span>
              </li>
            ))}
          </ul>
          {problems.length > 50 && <p>…and {problems.length - 50} more.</p>}
          <p>
            <button type="button" onClick={() => void send(true)} disabled={busy}>
              Import the valid lines, skip these
            </button>
          </p>
        </div>
      ) : (
        <ErrorMessage error={error} title="The hashes were not added" />
      )}
      <p role="status" className="ok">
        {result}
      </p>
      {tooMany && (
        <p className="field-error">
          That is {lines.length.toLocaleString('en-GB')} lines; send at most {MAX_LINES.toLocaleString('en-GB')} at a time.
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || lines.length === 0 || tooMany}>
        {busy ? 'Adding…' : 'Add hashes'}
      </button>
    </form>
  );
}
