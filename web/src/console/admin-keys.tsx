// API keys for trusted flaggers, authorities and platforms: create (shown once, with a copy button), revoke.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime, label, SOURCE_LABEL } from '../shared/format.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { OneTimeSecret } from './one-time-secret.tsx';
import { useApi } from './session.tsx';
import type { ResponseBody } from 'vigil/client';

type ApiKeyRow = ResponseBody<'/api/v1/admin/keys', 'get'>['keys'][number];
type KeyKind = ApiKeyRow['kind'];
const KINDS: KeyKind[] = ['trusted_flagger', 'authority', 'platform'];

export function AdminKeys() {
  const api = useApi();
  const id = useId();
  const [keys, setKeys] = useState<ApiKeyRow[]>();
  const [error, setError] = useState<ApiError>();
  const [kind, setKind] = useState<KeyKind>('trusted_flagger');
  const [org, setOrg] = useState('');
  const [country, setCountry] = useState('');
  const [created, setCreated] = useState<{ org: string; key: string }>();
  const [status, setStatus] = useState('');
  const [revoking, setRevoking] = useState<ApiKeyRow>();

  const load = useCallback(async () => {
    try {
      setKeys((await api.get<{ keys: ApiKeyRow[] }>('/api/v1/admin/keys')).keys);
    } catch (err) {
      setError(asApiError(err));
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      const r = await api.post<ResponseBody<'/api/v1/admin/keys', 'post'>>('/api/v1/admin/keys', {
        kind,
        org,
        country: country.trim() ? country.trim().toUpperCase() : null,
      });
      setCreated({ org: r.org, key: r.key });
      setOrg('');
      setCountry('');
      await load();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  async function revoke(k: ApiKeyRow) {
    setRevoking(undefined);
    setError(undefined);
    try {
      await api.post(`/api/v1/admin/keys/${k.id}/revoke`);
      setStatus(`The key of ${k.org} is revoked.`);
      await load();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>API keys</h2>
      <form className="inline-form" onSubmit={(e) => void create(e)} aria-label="Create an API key">
        <label className="field">
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as KeyKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {label(SOURCE_LABEL, k)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Organisation</span>
          <input required maxLength={128} value={org} onChange={(e) => setOrg(e.target.value)} dir="auto" />
        </label>
        <label className="field">
          <span>Country {kind === 'authority' ? '(required)' : '(optional)'}</span>
          <input
            value={country}
            onChange={(e) => setCountry(e.target.value)}
            maxLength={2}
            pattern="[A-Za-z]{2}"
            required={kind === 'authority'}
            placeholder="DE"
            className="short"
            aria-describedby={`${id}-country-hint`}
          />
        </label>
        <button type="submit" className="primary">
          Create key
        </button>
        <p className="hint" id={`${id}-country-hint`}>
          Two-letter country code (ISO 3166). An authority key acts under that country’s law.
        </p>
      </form>
      {created && <OneTimeSecret title={`New API key for ${created.org}`} secret={created.key} what="key" onDismiss={() => setCreated(undefined)} />}
      <p role="status" className="ok">
        {status}
      </p>
      <ErrorMessage error={error} />
      {keys === undefined && !error && <p className="loading">Loading keys…</p>}
      {keys && keys.length === 0 && <p className="muted">No API keys yet.</p>}
      {keys && keys.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">API keys</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Kind</th>
                <th scope="col">Country</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <th scope="row" dir="auto">
                    {k.org}
                  </th>
                  <td>{label(SOURCE_LABEL, k.kind)}</td>
                  <td>{k.country ?? '—'}</td>
                  <td>{formatDateTime(k.createdAt)}</td>
                  <td>{k.revokedAt ? `Revoked ${formatDateTime(k.revokedAt)}` : 'Active'}</td>
                  <td>
                    {!k.revokedAt && (
                      <button type="button" className="danger" onClick={() => setRevoking(k)}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== undefined}
        danger
        title="Revoke this API key?"
        confirmLabel="Revoke"
        onConfirm={() => revoking && void revoke(revoking)}
        onCancel={() => setRevoking(undefined)}
      >
        <p>
          Requests made with the key of <span dir="auto">{revoking?.org}</span> stop working at once. This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
