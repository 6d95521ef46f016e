// The console session: who is signed in, their CSRF token, and the API client that uses both.
// Any 401 from a console call ends the session in the browser and shows the sign-in form in place,
// at the same address, so signing in again returns to the page that was open.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from '../shared/api.ts';
import { ApiError } from '../shared/api-error.ts';
import type { Role, SessionInfo, StaffUser } from '../shared/types.ts';

export type SessionState = { status: 'loading' } | { status: 'signed_out'; notice?: string } | { status: 'signed_in'; session: SessionInfo };

interface SessionContextValue {
  state: SessionState;
  api: ApiClient;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const EXPIRED = 'Your session has ended. Sign in again to continue where you were.';
const RANK: Record<Role, number> = { triage: 1, moderator: 2, senior: 3, admin: 4 };

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const csrf = useRef<string | undefined>(undefined);

  const api = useMemo(
    () =>
      createApiClient({
        csrfToken: () => csrf.current,
        refreshCsrf: async () => {
          try {
            const s = await fetch('/api/v1/session', { credentials: 'same-origin', headers: { accept: 'application/json' } });
            if (!s.ok) return false;
            const session = (await s.json()) as SessionInfo; // GET /api/v1/session's declared answer
            csrf.current = session.csrfToken;
            setState({ status: 'signed_in', session });
            return true;
          } catch {
            return false;
          }
        },
        onUnauthorized: () => {
          csrf.current = undefined;
          setState((s) => (s.status === 'signed_in' ? { status: 'signed_out', notice: EXPIRED } : s));
        },
      }),
    [],
  );

  const accept = useCallback((session: SessionInfo) => {
    csrf.current = session.csrfToken;
    setState({ status: 'signed_in', session });
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    api.get<SessionInfo>('/api/v1/session', { quiet401: true, signal: ctrl.signal }).then(accept, (err) => {
      if (ctrl.signal.aborted) return;
      const notice = err instanceof ApiError && err.status !== 401 ? `Could not check your session: ${err.message}` : undefined;
      setState({ status: 'signed_out', notice });
    });
    return () => ctrl.abort();
  }, [api, accept]);

  // The server ends sessions after a fixed time; end ours at the same moment rather than on the next click.
  const expiresAt = state.status === 'signed_in' ? state.session.expiresAt : undefined;
  useEffect(() => {
    if (!expiresAt) return;
    const ms = new Date(expiresAt).getTime() - Date.now();
    if (!(ms > 0)) return;
    const t = window.setTimeout(
      () => {
        csrf.current = undefined;
        setState({ status: 'signed_out', notice: EXPIRED });
      },
      Math.min(ms, 2 ** 31 - 1),
    );
    return () => window.clearTimeout(t);
  }, [expiresAt]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      accept(await api.post<SessionInfo>('/api/v1/session', { email, password }, { quiet401: true }));
    },
    [api, accept],
  );

  const signOut = useCallback(async () => {
    try {
      await api.del('/api/v1/session', { quiet401: true });
    } catch {
      /* signed out either way */
    }
    csrf.current = undefined;
    setState({ status: 'signed_out', notice: 'You have signed out.' });
  }, [api]);

  const value = useMemo(() => ({ state, api, signIn, signOut }), [state, api, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export const useApi = () => useSession().api;

/** The signed-in user; only for components rendered behind the sign-in gate. */
export function useUser(): StaffUser {
  const { state } = useSession();
  if (state.status !== 'signed_in') throw new Error('useUser without a session');
  return state.session.user;
}

/** The translation service reported text links to (VIGIL_TRANSLATE_URL), or null: then no translate links. */
export function useTranslateUrl(): string | null {
  const { state } = useSession();
  return state.status === 'signed_in' ? state.session.translateUrl : null;
}

export const roleAtLeast = (role: Role, least: Role) => RANK[role] >= RANK[least];
