// The owner's history on a case: the latest decisions about the owner's subjects (strikes are those that
// took action and stand) and the owner's other channels, bots and sticker sets. Loaded on its own, so the
// case shows at once; every name is the owner's own text, shown as text.
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { ResponseBody } from 'vigil/client';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { ACTION_LABEL, formatDateTime, KIND_LABEL, label, OUTCOME_LABEL } from '../shared/format.ts';
import { categoryTitle } from '../shared/policy.ts';
import type { Policy } from '../shared/types.ts';
import { useApi } from './session.tsx';
import { useLoad } from './use-load.ts';

type OwnerHistory = ResponseBody<'/api/v1/cases/{id}/owner-history', 'get'>;

/** `version` changes when the case changes (a decision here adds to the owner's record). */
export function CaseOwnerHistory({ caseId, policy, version }: { caseId: string; policy?: Policy; version: string }) {
  const api = useApi();
  const [history, setHistory] = useState<OwnerHistory>();
  const [error, setError] = useState<ApiError>();
  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        setHistory(await api.get<OwnerHistory>(`/api/v1/cases/${encodeURIComponent(caseId)}/owner-history`, { signal }));
        setError(undefined);
      } catch (err) {
        if (!signal.aborted) setError(asApiError(err));
      }
    },
    [api, caseId],
  );
  useLoad(load, Date.parse(version) || 0);

  if (error) return <ErrorMessage error={error} title="The owner's history could not be loaded" />;
  if (!history)
    return (
      <p className="loading" role="status">
        Loading the owner's history…
      </p>
    );
  if (!history.ownerKnown) return <p className="muted">The owner of this subject is not known.</p>;
  const past = history.decisions.filter((d) => !d.thisCase);
  return (
    <div className="owner-history">
      <p>
        <strong>
          {history.strikes} {history.strikes === 1 ? 'strike' : 'strikes'}
        </strong>{' '}
        <span className="muted">(decisions that took action and stand, among the latest {history.limit})</span>
      </p>
      <h3>Past decisions</h3>
      {past.length === 0 ? (
        <p className="muted">No earlier decisions about this owner's subjects.</p>
      ) : (
        <ul className="owner-list owner-decisions">
          {past.map((d) => (
            <li key={d.decisionId}>
              <Link to={`/console/cases/${d.caseId}`}>
                {label(KIND_LABEL, d.subject.kind)}{' '}
                <span dir="auto" className="user-text">
                  {d.subjectLabel || d.subject.id}
                </span>
              </Link>
              <span>{label(OUTCOME_LABEL, d.outcome)}</span>
              {d.category && <span>{categoryTitle(policy, d.category)}</span>}
              {d.actions.length > 0 && <span>{d.actions.map((a) => label(ACTION_LABEL, a)).join(', ')}</span>}
              {d.reversedAt && <span className="muted">reversed</span>}
              <time dateTime={d.createdAt} className="muted">
                {formatDateTime(d.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
      <h3>Other channels, bots and sticker sets</h3>
      {history.subjects.length === 0 ? (
        <p className="muted">The owner has nothing else public.</p>
      ) : (
        <ul className="owner-list owner-subjects">
          {history.subjects.map((s) => (
            <li key={`${s.kind}:${s.id}`}>
              <span>{label(KIND_LABEL, s.kind)}</span>
              <span dir="auto" className="user-text">
                {s.label}
              </span>
              <time dateTime={s.createdAt} className="muted">
                created {formatDateTime(s.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
      {(past.length >= history.limit - 1 || history.subjects.length >= history.limit) && <p className="hint">Showing the latest {history.limit}.</p>}
    </div>
  );
}
