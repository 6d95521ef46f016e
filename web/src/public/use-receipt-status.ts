// The status of something a person sent (a report, an appeal), read with the receipt from its status
// link. `path` null waits (no receipt yet); a new path or receipt reads again, abandoning the last read.
import { useT } from '../shared/i18n.tsx';
import { useEffect, useState } from 'react';
import { isAbort, publicApi } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';

export function useReceiptStatus<T>(path: string | null, receipt: string): { status: T | undefined; error: ApiError | undefined } {
  // The statuses and policy texts come in the page's language, named explicitly: the API would otherwise
  // answer in the language the report was filed in.
  const { lang } = useT();
  const [status, setStatus] = useState<T>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    setError(undefined);
    publicApi
      .get<T>(`${path}?lang=${encodeURIComponent(lang)}`, { headers: { 'x-receipt': receipt, 'accept-language': lang }, signal: ctrl.signal })
      .then(setStatus, (err) => {
        if (!isAbort(err)) setError(asApiError(err));
      });
    return () => ctrl.abort();
  }, [path, receipt, lang]);
  return { status, error };
}
