// The latest uploads that matched a bank, each with the case it opened or joined.
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime, KIND_LABEL, label } from '../shared/format.ts';
import type { BankMatch } from './banks-types.ts';
import { useApi } from './session.tsx';
import { useLoad } from './use-load.ts';

const LIMIT = 50;
const VERDICT: Record<string, string> = { block: 'Blocked', hold: 'Held for review', allow: 'Allowed' };
/** ScanSurface in src/platform/publish-scanner.ts. */
const SURFACE: Record<string, string> = { channel_post: 'Post', bot_picture: 'Bot picture', sticker_set: 'Sticker set' };

export function BanksMatches({ bankName, reloadKey }: { bankName: string; reloadKey: number }) {
  const api = useApi();
  const [matches, setMatches] = useState<BankMatch[]>();
  const [error, setError] = useState<ApiError>();

  const load = useCallback(
    (signal: AbortSignal) => {
      api.get<{ matches: BankMatch[] }>(`/api/v1/banks/${encodeURIComponent(bankName)}/matches?limit=${LIMIT}`, { signal }).then(
        (r) => {
          setMatches(r.matches);
          setError(undefined);
        },
        (err) => {
          if (!signal.aborted) setError(asApiError(err));
        },
      );
    },
    [api, bankName],
  );
  useLoad(load, reloadKey);

  if (error) return <ErrorMessage error={error} title="Matches could not be loaded" />;
  if (!matches)
    return (
      <p className="loading" role="status">
        Loading matches…
      </p>
    );
  if (matches.length === 0) return <p className="empty">No uploads have matched this bank.</p>;
  return (
    <div className="table-wrap">
      <table className="table bank-matches">
        <caption className="visually-hidden">The latest {LIMIT} matches</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Where</th>
            <th scope="col">Signal</th>
            <th scope="col" className="num">
              Distance
            </th>
            <th scope="col">Result</th>
            <th scope="col">Entry</th>
            <th scope="col">Case</th>
          </tr>
        </thead>
        <tbody>
          {matches.map((m) => (
            <tr key={m.id}>
              <td>{formatDateTime(m.at)}</td>
              <td>
                {label(SURFACE, m.context.surface)}
                {m.context.subject && <> in {label(KIND_LABEL, m.context.subject.kind).toLowerCase()}</>}
              </td>
              <td>{m.signalType}</td>
              <td className="num">{m.distance}</td>
              <td>{label(VERDICT, m.verdict)}</td>
              <td>
                <code className="muted">{m.entryId}</code>
              </td>
              <td>{m.caseId ? <Link to={`/console/cases/${encodeURIComponent(m.caseId)}`}>Open case</Link> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
