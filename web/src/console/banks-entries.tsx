// A bank's entries, a page at a time (cursor paging, oldest first), with match counts. Admins can mark
// an entry benign (a false positive: kept, never matches again) or withdraw it (its hash is deleted).
import { useCallback, useState } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime, label } from '../shared/format.ts';
import { BankHash } from './banks-hash.tsx';
import { ENTRY_STATUS_LABEL, ORIGIN_LABEL, type BankEntry, type EntryPage } from './banks-types.ts';
import { useApi } from './session.tsx';
import { useLoad } from './use-load.ts';

const PAGE = 50;
type Change = { entry: BankEntry; status: 'benign' | 'withdrawn' };

export function BanksEntries({ bankName, admin, reloadKey }: { bankName: string; admin: boolean; reloadKey: number }) {
  const api = useApi();
  /** Cursors of the pages visited so far; the last one is the page shown. */
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [page, setPage] = useState<EntryPage>();
  const [error, setError] = useState<ApiError>();
  const [change, setChange] = useState<Change>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [wholeHashes, setWholeHashes] = useState(false);
  const cursor = cursors[cursors.length - 1];

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const q = new URLSearchParams({ limit: String(PAGE), ...(cursor ? { cursor } : {}) });
      try {
        setPage(await api.get<EntryPage>(`/api/v1/banks/${encodeURIComponent(bankName)}/entries?${q}`, { signal }));
        setError(undefined);
      } catch (err) {
        if (!signal?.aborted) setError(asApiError(err));
      }
    },
    [api, bankName, cursor],
  );
  useLoad(load, reloadKey);

  async function apply(c: Change) {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/v1/bank-entries/${encodeURIComponent(c.entry.id)}/status`, { status: c.status });
      setStatus(
        c.status === 'benign'
          ? 'The entry is marked benign: it will not match again.'
          : 'The entry is withdrawn: its hash is deleted and it no longer matches.',
      );
      await load();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
      setChange(undefined);
    }
  }

  const first = (cursors.length - 1) * PAGE + 1;
  const entries = page?.entries ?? [];
  return (
    <>
      <p role="status" className="ok">
        {status}
      </p>
      <ErrorMessage error={error} />
      {page === undefined && !error && (
        <p className="loading" role="status">
          Loading entries…
        </p>
      )}
      {page && entries.length === 0 && <p className="empty">This bank has no entries{cursors.length > 1 ? ' on this page' : ' yet'}.</p>}
      {entries.length > 0 && (
        <label className="toggle">
          <input type="checkbox" checked={wholeHashes} onChange={(e) => setWholeHashes(e.target.checked)} />
          <span>Show whole hashes</span>
        </label>
      )}
      {entries.length > 0 && (
        <div className="table-wrap">
          <table className={wholeHashes ? 'table bank-entries whole-hashes' : 'table bank-entries'}>
            <caption className="visually-hidden">
              Entries {first}–{first + entries.length - 1}
            </caption>
            <thead>
              <tr>
                <th scope="col">Hash</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Origin</th>
                <th scope="col" className="num">
                  Matches
                </th>
                <th scope="col">Last match</th>
                <th scope="col">Added</th>
                {admin && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-entry-id={e.id}>
                  <td>
                    <BankHash hash={e.hash} />
                    {e.label && (
                      <span className="entry-label user-text" dir="auto">
                        {e.label}
                      </span>
                    )}
                  </td>
                  <td>{e.signalType}</td>
                  <td className={`entry-status status-${e.status}`}>{label(ENTRY_STATUS_LABEL, e.status)}</td>
                  <td>{label(ORIGIN_LABEL, e.origin)}</td>
                  <td className="num">{e.matches}</td>
                  <td>{formatDateTime(e.lastMatchAt)}</td>
                  <td>{formatDateTime(e.createdAt)}</td>
                  {admin && (
                    <td>
                      <div className="row-actions">
                        {e.status === 'active' && (
                          <button type="button" onClick={() => setChange({ entry: e, status: 'benign' })}>
                            Mark benign
                          </button>
                        )}
                        {e.status !== 'withdrawn' && (
                          <button type="button" className="danger" onClick={() => setChange({ entry: e, status: 'withdrawn' })}>
                            Withdraw
                          </button>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (cursors.length > 1 || page.nextCursor) && (
        <nav className="pager" aria-label="Entry pages">
          <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous page
          </button>
          <span>
            Entries {first}–{first + Math.max(entries.length, 1) - 1}
          </span>
          <button
            type="button"
            disabled={!page.nextCursor}
            onClick={() => {
              const next = page.nextCursor;
              if (next) setCursors((c) => [...c, next]);
            }}
          >
            Next page
          </button>
        </nav>
      )}
      <ConfirmDialog
        open={change !== undefined}
        danger={change?.status === 'withdrawn'}
        busy={busy}
        title={change?.status === 'benign' ? 'Mark this entry benign?' : 'Withdraw this entry?'}
        confirmLabel={change?.status === 'benign' ? 'Mark benign' : 'Withdraw and delete'}
        onConfirm={() => change && void apply(change)}
        onCancel={() => setChange(undefined)}
      >
        <p>
          <code className="bank-hash-full">{change?.entry.hash}</code>
        </p>
        {change?.status === 'benign' ? (
          <p>The entry stays in the bank but never matches again. Use this for a hash that catches unrelated images (a false positive).</p>
        ) : (
          <p>The hash is deleted and stops matching at once. This cannot be undone.</p>
        )}
      </ConfirmDialog>
    </>
  );
}
