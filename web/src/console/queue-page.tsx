// The review queue: counts, filters, cases by priority with their countdowns, keyboard navigation.
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { asApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { usePolicy } from '../shared/policy.ts';
import type { CaseSummary } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { KeyboardHelp } from './keyboard-help.tsx';
import { QueueCounts } from './queue-counts.tsx';
import { filterFromParams, paramsFromFilter } from './queue-filter.ts';
import { QueueFilters } from './queue-filters.tsx';
import { QueueItem } from './queue-item.tsx';
import { BulkDecide } from './bulk-decide.tsx';
import { roleAtLeast, useApi, useUser } from './session.tsx';
import { useNow } from './use-now.ts';
import { useQueue } from './use-queue.ts';
import { useQueueKeys } from './use-queue-keys.ts';

export function QueuePage() {
  useDocumentTitle('Queue');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const { policy } = usePolicy();
  const user = useUser();
  const api = useApi();
  const navigate = useNavigate();
  const now = useNow(1000);
  const q = useQueue(filter);
  const [selected, setSelected] = useState(0);
  const [help, setHelp] = useState(false);
  const [announce, setAnnounce] = useState('');
  const links = useRef<Array<HTMLAnchorElement | null>>([]);
  const cases = q.cases ?? [];
  const canDecide = roleAtLeast(user.role, 'moderator');
  // Ticked cases, by id, for a bulk decision; kept while the queue refreshes, dropped once decided.
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const tickedCases = cases.filter((c) => ticked.has(c.id));
  const tick = (id: string, on: boolean) =>
    setTicked((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  useEffect(() => {
    setSelected((s) => Math.min(s, Math.max(0, cases.length - 1)));
  }, [cases.length]);

  const move = (delta: number) => {
    if (cases.length === 0) return;
    const i = Math.min(cases.length - 1, Math.max(0, selected + delta));
    setSelected(i);
    links.current[i]?.focus();
  };

  async function claim(c: CaseSummary | undefined) {
    if (!c) return;
    try {
      q.replace(await api.post<CaseSummary>(`/api/v1/cases/${c.id}/claim`));
      setAnnounce(`Claimed case ${c.subjectLabel || c.subject.id}.`);
    } catch (err) {
      setAnnounce(`Could not claim: ${asApiError(err).message}`);
    }
  }

  useQueueKeys(
    {
      next: () => move(1),
      previous: () => move(-1),
      open: () => {
        const c = cases[selected];
        if (c) navigate(`/console/cases/${c.id}`);
      },
      claim: () => void claim(cases[selected]),
      toggle: () => {
        const c = cases[selected];
        if (!c || !canDecide) return;
        const on = !ticked.has(c.id);
        tick(c.id, on);
        setAnnounce(`${on ? 'Ticked' : 'Unticked'} ${c.subjectLabel || c.subject.id}; ${ticked.size + (on ? 1 : -1)} ticked.`);
      },
      refresh: () => {
        void q.refresh();
        setAnnounce('Queue refreshed.');
      },
      help: () => setHelp(true),
    },
    !help,
  );

  return (
    <div className="queue-page">
      <div className="page-head">
        <h1>Review queue</h1>
        <p className="muted">
          Press <kbd>?</kbd> for keyboard shortcuts.{' '}
          {q.updatedAt && <span>Updated {new Date(q.updatedAt).toLocaleTimeString('en-GB')}; refreshes every 15 seconds while this tab is open.</span>}
        </p>
      </div>
      <QueueCounts counts={q.counts} />
      <QueueFilters filter={filter} policy={policy} onChange={(f) => setParams(paramsFromFilter(f), { replace: true })} />
      <div className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </div>
      <ErrorMessage error={q.error} title="Could not load the queue" />
      {canDecide && tickedCases.length > 0 && (
        <BulkDecide
          selected={tickedCases}
          policy={policy}
          onClear={() => setTicked(new Set())}
          onDone={(decided, summary) => {
            setTicked((s) => new Set([...s].filter((id) => !decided.includes(id))));
            setAnnounce(summary);
            void q.refresh();
          }}
        />
      )}
      {q.cases === undefined && !q.error && (
        <p className="loading" role="status">
          Loading cases…
        </p>
      )}
      {q.cases?.length === 0 && <p className="empty">No cases match these filters.</p>}
      {cases.length > 0 && (
        <ol className="queue" aria-label={filter.sort === 'age' ? 'Cases, oldest first' : 'Cases, highest priority first'}>
          {cases.map((c, i) => (
            <QueueItem
              key={c.id}
              ref={(el) => {
                links.current[i] = el;
              }}
              item={c}
              selected={i === selected}
              now={now}
              policy={policy}
              userId={user.id}
              onFocus={() => setSelected(i)}
              checked={ticked.has(c.id)}
              onCheck={canDecide ? (on) => tick(c.id, on) : undefined}
            />
          ))}
        </ol>
      )}
      {q.nextCursor && (
        <p>
          <button type="button" onClick={() => void q.loadMore()}>
            Load more cases
          </button>
        </p>
      )}
      <KeyboardHelp open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
