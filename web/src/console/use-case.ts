// One case, loaded from the API, with a refresh for after each action.
import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import type { CaseDetail } from '../shared/types.ts';
import { useApi } from './session.tsx';

export function useCase(id: string) {
  const api = useApi();
  const [detail, setDetail] = useState<CaseDetail>();
  const [fetchedAt, setFetchedAt] = useState(0);
  const [error, setError] = useState<ApiError>();

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const d = await api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, { signal });
        setDetail(d);
        setFetchedAt(Date.now());
        setError(undefined);
      } catch (err) {
        if (!isAbort(err)) setError(asApiError(err));
      }
    },
    [api, id],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    setDetail(undefined);
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  return { detail, fetchedAt, error, refresh: () => load() };
}
