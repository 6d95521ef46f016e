// /console/appeals, for seniors: the appeals queue, earliest deadline first, filtered by state and by
// whether the review deadline (policy: appealReviewDays) has passed.
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime } from '../shared/format.ts';
import { APPEAL_STATES, type AppealCounts, type AppealList } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { UserText } from '../shared/user-text.tsx';
import { roleAtLeast, useApi, useUser } from './session.tsx';
import { useLoad } from './use-load.ts';

export const APPEAL_STATE_LABEL: Record<string, string> = { open: 'Open', upheld: 'Upheld', reversed: 'Reversed' };
const APPELLANT_LABEL: Record<string, string> = { owner: 'Owner', reporter: 'Reporter' };

export function AppealsPage() {
  useDocumentTitle('Appeals');
  const user = useUser();
  if (!roleAtLeast(user.role, 'senior')) {
    return (
      <div className="narrow-page">
        <h1>Appeals</h1>
        <p>Appeals are decided by senior moderators. Your role is {user.role}.</p>
      </div>
    );
  }
  return <AppealsQueue />;
}

function AppealsQueue() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? 'open';
  const overdue = params.get('overdue') === 'true';
  const [list, setList] = useState<AppealList>();
  const [counts, setCounts] = useState<AppealCounts>();
  const [error, setError] = useState<ApiError>();

  const load = useCallback(
    async (signal: AbortSignal) => {
      const q = new URLSearchParams({ limit: '100' });
      if (state) q.set('state', state);
      if (overdue) q.set('overdue', 'true');
      try {
        const [l, c] = await Promise.all([
          api.get<AppealList>(`/api/v1/appeals?${q}`, { signal }),
          api.get<AppealCounts>('/api/v1/appeals/counts', { signal }),
        ]);
        setList(l);
        setCounts(c);
        setError(undefined);
      } catch (err) {
        if (!signal.aborted) setError(asApiError(err));
      }
    },
    [api, state, overdue],
  );
  useLoad(load, 0);

  const set = (patch: { state?: string; overdue?: boolean }) => {
    const next = new URLSearchParams();
    const s = patch.state ?? state;
    const o = patch.overdue ?? overdue;
    next.set('state', s);
    if (o) next.set('overdue', 'true');
    setParams(next);
  };

  return (
    <div className="appeals-page">
      <h1>Appeals</h1>
      {counts && (
        <p className="muted appeal-counts">
          {counts.open} open, {counts.overdue} overdue, {counts.upheld} upheld, {counts.reversed} reversed.
        </p>
      )}
      <form className="filters" aria-label="Filter the appeals" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span>State</span>
          <select value={state} onChange={(e) => set({ state: e.target.value })}>
            <option value="">All</option>
            {APPEAL_STATES.map((s) => (
              <option key={s} value={s}>
                {APPEAL_STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field checkbox">
          <input type="checkbox" checked={overdue} onChange={(e) => set({ overdue: e.target.checked })} /> <span>Overdue only</span>
        </label>
      </form>
      <ErrorMessage error={error} title="Could not load the appeals" />
      {list && list.appeals.length === 0 && <p>No appeals match.</p>}
      {list && list.appeals.length > 0 && (
        <table className="appeals-table">
          <thead>
            <tr>
              <th scope="col">Appeal</th>
              <th scope="col">By</th>
              <th scope="col">State</th>
              <th scope="col">Due</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {list.appeals.map((a) => (
              <tr key={a.id} className={a.overdue ? 'overdue' : undefined}>
                <td>
                  <Link to={`/console/appeals/${encodeURIComponent(a.id)}`}>{a.id}</Link>
                </td>
                <td>{APPELLANT_LABEL[a.appellant] ?? a.appellant}</td>
                <td>{APPEAL_STATE_LABEL[a.state] ?? a.state}</td>
                <td>
                  {formatDateTime(a.dueAt)}
                  {a.overdue && <strong className="overdue-badge"> overdue</strong>}
                </td>
                <td>
                  <UserText as="span" text={a.reason.length > 140 ? `${a.reason.slice(0, 140)}…` : a.reason} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
