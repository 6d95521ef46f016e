// /console/rules, for moderators and above: the text rules in force with their state, live and shadow
// hit counts and recent shadow hits; admins can reload the rule files, set a rule's state and edit the
// files (rule-file-editor.tsx). Excerpts are hostile text, rendered as text only.
import { useCallback, useState } from 'react';
import type { ResponseBody } from 'vigil/client';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime } from '../shared/format.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { RuleFiles } from './rule-file-editor.tsx';
import { roleAtLeast, useApi, useUser } from './session.tsx';
import { useLoad } from './use-load.ts';
import '../styles/jobs.css';

type RuleList = ResponseBody<'/api/v1/rules', 'get'>;

const STATE_LABEL: Record<string, string> = { draft: 'Draft', shadow: 'Shadow', live: 'Live' };
const STATES = ['draft', 'shadow', 'live'] as const;

export function RulesPage() {
  useDocumentTitle('Text rules');
  const user = useUser();
  const api = useApi();
  const [list, setList] = useState<RuleList>();
  const [error, setError] = useState<ApiError>();
  const [reloadError, setReloadError] = useState<ApiError>();
  const [status, setStatus] = useState('');
  const [reloadKey, setReloadKey] = useState(0);
  const admin = roleAtLeast(user.role, 'admin');

  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        setList(await api.get<RuleList>('/api/v1/rules', { signal }));
        setError(undefined);
      } catch (err) {
        if (!signal.aborted) setError(asApiError(err));
      }
    },
    [api],
  );
  useLoad(load, reloadKey);

  async function setState(id: string, state: string) {
    setReloadError(undefined);
    setStatus('');
    try {
      await api.request('PUT', `/api/v1/rules/${encodeURIComponent(id)}/state`, { state });
      setStatus(`${id} is now ${STATE_LABEL[state]?.toLowerCase() ?? state}.`);
    } catch (err) {
      setReloadError(asApiError(err));
    } finally {
      setReloadKey((k) => k + 1);
    }
  }

  async function reload() {
    setReloadError(undefined);
    setStatus('');
    try {
      const r = await api.post<{ rules: number }>('/api/v1/rules/reload');
      setStatus(`Reloaded: ${r.rules} rules in force.`);
    } catch (err) {
      setReloadError(asApiError(err));
    } finally {
      setReloadKey((k) => k + 1);
    }
  }

  if (!roleAtLeast(user.role, 'moderator')) {
    return (
      <div className="narrow-page">
        <h1>Text rules</h1>
        <p>Only moderators and admins can see the text rules. Your role is {user.role}.</p>
      </div>
    );
  }
  return (
    <div className="jobs-page">
      <div className="page-head">
        <h1>Text rules</h1>
        {admin && (
          <button type="button" onClick={() => void reload()}>
            Reload rule files
          </button>
        )}
      </div>
      <p className="muted">
        Rules from the <code>rules/</code> folder run on published public content. Live rules open or join cases; shadow rules only count what they would have
        flagged; draft rules do nothing.
      </p>
      <p role="status" className="ok">
        {status}
      </p>
      <ErrorMessage error={reloadError} title="The rules were not changed" />
      <ErrorMessage error={error} title="The rules could not be loaded" />
      {list?.error && (
        <p role="alert" className="error-box">
          The last reload failed and the previous rules stay in force: <span dir="auto">{list.error}</span>
        </p>
      )}
      {list === undefined && !error && (
        <p className="loading" role="status">
          Loading the rules…
        </p>
      )}
      {list && (
        <div className="table-wrap">
          <table className="table rules">
            <caption className="visually-hidden">Text rules and their hits</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Category</th>
                <th scope="col">State</th>
                <th scope="col">Live hits</th>
                <th scope="col">Shadow hits</th>
                <th scope="col">Recent shadow hits</th>
              </tr>
            </thead>
            <tbody>
              {list.rules.map((r) => (
                <tr key={r.id} data-rule-id={r.id}>
                  <th scope="row">
                    <code>{r.id}</code>
                    <br />
                    <span className="muted">{r.description}</span>
                  </th>
                  <td>{r.category}</td>
                  <td>
                    {admin ? (
                      <select aria-label={`State of ${r.id}`} value={r.state} onChange={(e) => void setState(r.id, e.target.value)}>
                        {STATES.map((st) => (
                          <option key={st} value={st}>
                            {STATE_LABEL[st]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      (STATE_LABEL[r.state] ?? r.state)
                    )}
                  </td>
                  <td>{r.hits.live.toLocaleString('en-GB')}</td>
                  <td>{r.hits.shadow.toLocaleString('en-GB')}</td>
                  <td>
                    {r.sample.length === 0 ? (
                      <span className="muted">None</span>
                    ) : (
                      <ul className="rule-sample">
                        {r.sample.map((h) => (
                          <li key={`${h.subjectKind}:${h.subjectId}:${h.at}`}>
                            <q dir="auto" className="rule-excerpt">
                              {h.excerpt}
                            </q>{' '}
                            <span className="muted">
                              {h.subjectKind} on {h.platform}, <time dateTime={h.at}>{formatDateTime(h.at)}</time>
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {admin && (
        <RuleFiles
          reloadKey={reloadKey}
          onSaved={(message) => {
            setStatus(message);
            setReloadKey((k) => k + 1);
          }}
        />
      )}
    </div>
  );
}
