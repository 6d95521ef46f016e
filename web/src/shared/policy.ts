// The publishing policy (GET /api/v1/policy), fetched once per page load and shared.
import { useEffect, useState } from 'react';
import { publicApi } from './api.ts';
import { asApiError, type ApiError } from './api-error.ts';
import type { Policy, PolicyCategory } from './types.ts';

let pending: Promise<Policy> | undefined;

export function loadPolicy(): Promise<Policy> {
  pending ??= publicApi.get<Policy>('/api/v1/policy').catch((err) => {
    pending = undefined;
    throw err;
  });
  return pending;
}

export function usePolicy(): { policy?: Policy; error?: ApiError } {
  const [state, setState] = useState<{ policy?: Policy; error?: ApiError }>({});
  useEffect(() => {
    let live = true;
    loadPolicy().then(
      (policy) => live && setState({ policy }),
      (err) => live && setState({ error: asApiError(err) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function categoryTitle(policy: Policy | undefined, id: string | null | undefined): string {
  if (!id) return '—';
  return policy?.categories.find((c: PolicyCategory) => c.id === id)?.title ?? id;
}
