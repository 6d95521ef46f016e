// The queue's data: the first page (refreshed by polling without overlapping requests), "load more",
// and live counts. Each case remembers when it was fetched so its countdown can tick locally.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isAbort } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import type { CaseList, CaseSummary, StateCount } from '../shared/types.ts';
import { casesUrl, filterFromParams, paramsFromFilter, type QueueFilter } from './queue-filter.ts';
import { useApi } from './session.tsx';
import { useVisiblePolling } from './use-visible-polling.ts';

export interface QueuedCase extends CaseSummary {
  dueAtLocal: number;
}

const PAGE = 50;
const POLL_MS = 15_000;

const withDue = (cases: CaseSummary[], fetchedAt: number): QueuedCase[] => cases.map((c) => ({ ...c, dueAtLocal: fetchedAt + c.secondsToDue * 1000 }));

export function useQueue(current: QueueFilter) {
  const api = useApi();
  const [cases, setCases] = useState<QueuedCase[] | undefined>(undefined);
  const [counts, setCounts] = useState<StateCount[] | undefined>(undefined);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [updatedAt, setUpdatedAt] = useState<number>();
  const inFlight = useRef<AbortController | null>(null);
  const loaded = useRef(PAGE);
  // The caller builds a new filter object on every render; only a different filter is a new query.
  const key = paramsFromFilter(current).toString();
  const filter = useMemo(() => filterFromParams(new URLSearchParams(key)), [key]);

  const refresh = useCallback(async () => {
    if (inFlight.current) return; // a refresh is already on its way: do not pile up requests
    const ctrl = new AbortController();
    inFlight.current = ctrl;
    try {
      const limit = Math.min(100, Math.max(PAGE, loaded.current));
      const [list, c] = await Promise.all([
        api.get<CaseList>(casesUrl(filter, limit), { signal: ctrl.signal }),
        api.get<{ counts: StateCount[] }>('/api/v1/cases/counts', { signal: ctrl.signal }),
      ]);
      const at = Date.now();
      setCases(withDue(list.cases, at));
      setNextCursor(list.nextCursor);
      setCounts(c.counts);
      setUpdatedAt(at);
      setError(undefined);
    } catch (err) {
      if (!isAbort(err)) setError(asApiError(err));
    } finally {
      if (inFlight.current === ctrl) inFlight.current = null;
    }
  }, [api, filter]);

  useEffect(() => {
    loaded.current = PAGE;
    setCases(undefined);
    inFlight.current?.abort();
    inFlight.current = null;
    void refresh();
    return () => {
      inFlight.current?.abort();
      inFlight.current = null;
    };
  }, [refresh]);

  useVisiblePolling(() => void refresh(), POLL_MS);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    try {
      const list = await api.get<CaseList>(casesUrl(filter, PAGE, nextCursor));
      setCases((prev) => {
        const merged = [...(prev ?? []), ...withDue(list.cases, Date.now())];
        loaded.current = merged.length;
        return merged;
      });
      setNextCursor(list.nextCursor);
    } catch (err) {
      if (!isAbort(err)) setError(asApiError(err));
    }
  }, [api, filter, nextCursor]);

  /** Replaces one case after an action on it (claim), keeping its place in the list. */
  const replace = useCallback((c: CaseSummary) => {
    setCases((prev) => prev?.map((x) => (x.id === c.id ? withDue([c], Date.now())[0] : x)));
  }, []);

  return { cases, counts, nextCursor, error, updatedAt, refresh, loadMore, replace };
}
