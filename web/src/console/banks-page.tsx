// /console/banks: the hash banks with their counts; admins create new ones.
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime } from '../shared/format.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { BanksCreateForm } from './banks-create-form.tsx';
import { bankPath, CATEGORY_LABEL, type BankList } from './banks-types.ts';
import { roleAtLeast, useApi, useUser } from './session.tsx';
import '../styles/banks.css';

export function BanksPage() {
  useDocumentTitle('Hash banks');
  const api = useApi();
  const user = useUser();
  const navigate = useNavigate();
  const [list, setList] = useState<BankList>();
  const [error, setError] = useState<ApiError>();
  const admin = roleAtLeast(user.role, 'admin');

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setList(await api.get<BankList>('/api/v1/banks', { signal }));
      } catch (err) {
        if (!signal?.aborted) setError(asApiError(err));
      }
    },
    [api],
  );
  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  if (!roleAtLeast(user.role, 'moderator')) {
    return (
      <div className="narrow-page">
        <h1>Hash banks</h1>
        <p>Hash banks are for moderators and above. Your role is {user.role}.</p>
      </div>
    );
  }
  return (
    <div className="banks-page">
      <div className="page-head">
        <h1>Hash banks</h1>
        {list && <p className="muted">{list.indexed.toLocaleString('en-GB')} active hashes in the live matcher</p>}
      </div>
      <p className="muted">Uploads to public channels, bot pictures and sticker sets are checked against these banks.</p>
      <ErrorMessage error={error} title="The banks could not be loaded" />
      {list === undefined && !error && (
        <p className="loading" role="status">
          Loading banks…
        </p>
      )}
      {list && list.banks.length === 0 && <p className="empty">No banks yet.</p>}
      {list && list.banks.length > 0 && (
        <section aria-labelledby="banks-h">
          <h2 id="banks-h" className="visually-hidden">
            Banks
          </h2>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Category</th>
                  <th scope="col" className="num">
                    Active
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col">Description</th>
                  <th scope="col">Created</th>
                </tr>
              </thead>
              <tbody>
                {list.banks.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">
                      <Link to={bankPath(b.name)}>{b.name}</Link>
                    </th>
                    <td>{CATEGORY_LABEL[b.category] ?? b.category}</td>
                    <td className="num">{Number(b.active).toLocaleString('en-GB')}</td>
                    <td className="num">{Number(b.total).toLocaleString('en-GB')}</td>
                    <td>
                      <span dir="auto" className="user-text">
                        {b.description || '—'}
                      </span>
                    </td>
                    <td>{formatDateTime(b.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {admin && (
        <section aria-labelledby="create-bank-h">
          <h2 id="create-bank-h">Create a bank</h2>
          <BanksCreateForm onCreated={(b) => navigate(bankPath(b.name))} />
        </section>
      )}
    </div>
  );
}
