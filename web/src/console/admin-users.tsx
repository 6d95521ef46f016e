// Staff users: create (the one-time password is shown once), change role (saved and confirmed), disable or enable.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime } from '../shared/format.ts';
import { ROLES, type Role } from '../shared/types.ts';
import { OneTimeSecret } from './one-time-secret.tsx';
import { RoleEditor } from './role-editor.tsx';
import { useApi, useUser } from './session.tsx';
import type { ResponseBody } from 'vigil/client';

type StaffUserRow = ResponseBody<'/api/v1/admin/users', 'get'>['users'][number];

export function AdminUsers() {
  const api = useApi();
  const me = useUser();
  const id = useId();
  const [users, setUsers] = useState<StaffUserRow[]>();
  const [error, setError] = useState<ApiError>();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('moderator');
  const [created, setCreated] = useState<{ email: string; password: string }>();
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    try {
      setUsers((await api.get<{ users: StaffUserRow[] }>('/api/v1/admin/users')).users);
    } catch (err) {
      setError(asApiError(err));
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  async function run(fn: () => Promise<void>) {
    setError(undefined);
    setStatus('');
    try {
      await fn();
      await load();
    } catch (err) {
      setError(asApiError(err));
    }
  }

  function create(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const r = await api.post<ResponseBody<'/api/v1/admin/users', 'post'>>('/api/v1/admin/users', { email, role });
      setCreated({ email: r.user.email, password: r.password });
      setEmail('');
    });
  }

  const patch = (u: StaffUserRow, body: { role?: Role; disabled?: boolean }, done: string) =>
    run(async () => {
      await api.patch(`/api/v1/admin/users/${u.id}`, body);
      setStatus(done);
    });

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Moderators and roles</h2>
      <form className="inline-form" onSubmit={create} aria-label="Add a staff user">
        <label className="field">
          <span>Email</span>
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          <span>Role</span>
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          Add user
        </button>
      </form>
      {created && (
        <OneTimeSecret title={`One-time password for ${created.email}`} secret={created.password} what="password" onDismiss={() => setCreated(undefined)} />
      )}
      <p role="status" className="ok">
        {status}
      </p>
      <ErrorMessage error={error} />
      {users === undefined && !error && <p className="loading">Loading users…</p>}
      {users && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Staff users</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row" dir="auto">
                    {u.email}
                    {u.id === me.id && <span className="muted"> (you)</span>}
                  </th>
                  <td>
                    <RoleEditor email={u.email} role={u.role} self={u.id === me.id} onSave={(role) => patch(u, { role }, `${u.email} is now ${role}.`)} />
                  </td>
                  <td>{formatDateTime(u.createdAt)}</td>
                  <td>{u.disabledAt ? `Disabled ${formatDateTime(u.disabledAt)}` : 'Active'}</td>
                  <td>
                    {u.id !== me.id &&
                      (u.disabledAt ? (
                        <button type="button" onClick={() => void patch(u, { disabled: false }, `${u.email} can sign in again.`)}>
                          Enable
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="danger"
                          onClick={() => void patch(u, { disabled: true }, `${u.email} is disabled; their sessions have ended.`)}
                        >
                          Disable
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
