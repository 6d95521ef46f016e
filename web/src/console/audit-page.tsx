// /console/audit, for admins: the hash-chained audit log, newest first, filtered on the server by actor,
// action, target and time (keyset pages), with "Verify the chain". Entries' details are shown as text.
import { type FormEvent, useCallback, useState } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime } from '../shared/format.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { type AuditEntryView, type AuditFilterForm, type AuditPage, auditQuery, NO_AUDIT_FILTER } from './audit-types.ts';
import { AuditVerify } from './audit-verify.tsx';
import { roleAtLeast, useApi, useUser } from './session.tsx';
import { useLoad } from './use-load.ts';
import '../styles/audit.css';

const PAGE = 50;
const FIELDS: Array<[keyof AuditFilterForm, string, string]> = [
  ['actor', 'Actor', 'e.g. staff:usr_… or cli:alice'],
  ['action', 'Action', 'e.g. case.decided'],
  ['target', 'Target', 'e.g. case:cas_…'],
];

export function AuditLogPage() {
  useDocumentTitle('Audit log');
  const user = useUser();
  if (!roleAtLeast(user.role, 'admin')) {
    return (
      <div className="narrow-page">
        <h1>Audit log</h1>
        <p>Only admins can read the audit log. Your role is {user.role}.</p>
      </div>
    );
  }
  return <AuditAdmin />;
}

function AuditAdmin() {
  const api = useApi();
  const [draft, setDraft] = useState<AuditFilterForm>(NO_AUDIT_FILTER);
  const [filter, setFilter] = useState<AuditFilterForm>(NO_AUDIT_FILTER);
  const [entries, setEntries] = useState<AuditEntryView[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        const page = await api.get<AuditPage>(`/api/v1/admin/audit?${auditQuery(filter, PAGE)}`, { signal });
        setEntries(page.entries);
        setNext(page.nextCursor);
        setError(undefined);
      } catch (err) {
        if (!signal.aborted) setError(asApiError(err));
      }
    },
    [api, filter],
  );
  useLoad(load, 0);

  async function more() {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await api.get<AuditPage>(`/api/v1/admin/audit?${auditQuery(filter, PAGE, next)}`);
      setEntries((e) => [...(e ?? []), ...page.entries]);
      setNext(page.nextCursor);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setLoadingMore(false);
    }
  }

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setEntries(undefined);
    setFilter({ ...draft });
  };
  const clear = () => {
    setDraft(NO_AUDIT_FILTER);
    setEntries(undefined);
    setFilter(NO_AUDIT_FILTER);
  };

  return (
    <div className="audit-page">
      <div className="page-head">
        <h1>Audit log</h1>
      </div>
      <p className="muted">Every privileged action, newest first. Each entry is chained to the one before it by its hash.</p>
      <AuditVerify />
      <form className="filters audit-filters" aria-label="Filter the audit log" onSubmit={apply}>
        {FIELDS.map(([k, title, hint]) => (
          <label className="field" key={k}>
            <span>{title}</span>
            <input name={k} value={draft[k]} placeholder={hint} maxLength={200} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
          </label>
        ))}
        <label className="field">
          <span>From</span>
          <input name="from" type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label className="field">
          <span>Before</span>
          <input name="to" type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <div className="audit-filter-actions">
          <button type="submit" className="primary">
            Filter
          </button>
          <button type="button" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
      <ErrorMessage error={error} title="The audit log could not be loaded" />
      {entries === undefined && !error && (
        <p className="loading" role="status">
          Loading the audit log…
        </p>
      )}
      {entries?.length === 0 && <p className="empty">No entries match these filters.</p>}
      {entries && entries.length > 0 && (
        <div className="table-wrap">
          <table className="table audit-table">
            <caption className="visually-hidden">Audit entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq} data-seq={e.seq}>
                  <td>{e.seq}</td>
                  <td>
                    <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </td>
                  <td className="user-text">{e.actor}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td className="user-text">{e.target ?? '—'}</td>
                  <td>
                    {/* Details may quote what users wrote: shown as text, never as markup. */}
                    <pre className="audit-data user-text">{JSON.stringify(e.data, null, 1)}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <p>
          <button type="button" onClick={() => void more()} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load older entries'}
          </button>
        </p>
      )}
    </div>
  );
}
