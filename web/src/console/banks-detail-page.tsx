// /console/banks/<name>: one bank's entries and recent matches; admins add hashes and change entries.
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { BanksAddHashes } from './banks-add-hashes.tsx';
import { BanksEntries } from './banks-entries.tsx';
import { BanksMatches } from './banks-matches.tsx';
import { CATEGORY_EFFECT, CATEGORY_LABEL, type BankList, type BankRow } from './banks-types.ts';
import { roleAtLeast, useApi, useUser } from './session.tsx';
import { useLoad } from './use-load.ts';
import '../styles/banks.css';

export function BanksDetailPage() {
  const { name = '' } = useParams();
  useDocumentTitle(`Bank ${name}`);
  const api = useApi();
  const user = useUser();
  const admin = roleAtLeast(user.role, 'admin');
  const [bank, setBank] = useState<BankRow | null>();
  const [error, setError] = useState<ApiError>();
  const [reloadKey, setReloadKey] = useState(0);

  const load = useCallback(
    (signal: AbortSignal) => {
      api.get<BankList>('/api/v1/banks', { signal }).then(
        (r) => setBank(r.banks.find((b) => b.name === name) ?? null),
        (err) => {
          if (!signal.aborted) setError(asApiError(err));
        },
      );
    },
    [api, name],
  );
  useLoad(load, reloadKey);

  return (
    <div className="banks-page">
      <p className="breadcrumb">
        <Link to="/console/banks">Hash banks</Link>
      </p>
      <div className="page-head">
        <h1>
          Bank <span className="bank-name">{name}</span>
        </h1>
        {bank && (
          <p className="muted">
            {CATEGORY_LABEL[bank.category] ?? bank.category} · {CATEGORY_EFFECT[bank.category] ?? 'matching uploads are held for review'} ·{' '}
            {Number(bank.active)} active of {Number(bank.total)}
          </p>
        )}
      </div>
      <ErrorMessage error={error} title="The bank could not be loaded" />
      {bank === null && (
        <p className="error-box" role="alert">
          There is no bank named “{name}”. <Link to="/console/banks">All banks</Link>
        </p>
      )}
      {bank?.description && (
        <p dir="auto" className="user-text">
          {bank.description}
        </p>
      )}
      {bank && (
        <>
          <section aria-labelledby="entries-h">
            <h2 id="entries-h">Entries</h2>
            <BanksEntries bankName={name} admin={admin} reloadKey={reloadKey} />
          </section>
          <section aria-labelledby="matches-h">
            <h2 id="matches-h">Recent matches</h2>
            <BanksMatches bankName={name} reloadKey={reloadKey} />
          </section>
          {admin && (
            <section aria-labelledby="add-h">
              <h2 id="add-h">Add hashes</h2>
              <BanksAddHashes bankName={name} onAdded={() => setReloadKey((k) => k + 1)} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
