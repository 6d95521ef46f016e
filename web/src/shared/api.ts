// A small JSON client for /api/v1: sends the CSRF token on writes, turns error bodies into ApiError and
// tells its owner about 401s (the console returns to sign-in; public pages have no session to lose).
import { ApiError, networkError } from './api-error.ts';
import { propertyOf } from '../../../src/shared/property-of.ts';

export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Do not report a 401 to onUnauthorized (signing in, probing the session). */
  quiet401?: boolean;
}

export interface ApiHooks {
  /** 'omit' for the public pages: a staff cookie in the same browser must not turn a visitor into staff. */
  credentials?: RequestCredentials;
  csrfToken?: () => string | undefined;
  onUnauthorized?: (err: ApiError) => void;
  /**
   * A write was refused for a stale CSRF token (the user signed in again in another tab). Return true
   * once the token is fresh again, and the request is sent once more.
   */
  refreshCsrf?: () => Promise<boolean>;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiClient {
  request<T>(method: Method, path: string, body?: unknown, opts?: RequestOptions): Promise<T>;
  get<T>(path: string, opts?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, opts?: RequestOptions): Promise<T>;
  del<T>(path: string, opts?: RequestOptions): Promise<T>;
}

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const error = propertyOf(await res.json(), 'error');
    const code = propertyOf(error, 'code');
    const message = propertyOf(error, 'message');
    if (typeof code === 'string' && code)
      return new ApiError(res.status, code, typeof message === 'string' ? message : res.statusText, propertyOf(error, 'details'));
  } catch {
    /* not JSON: fall through */
  }
  const message = res.status >= 500 ? `The server had a problem (HTTP ${res.status}). Try again in a moment.` : `The request failed (HTTP ${res.status}).`;
  return new ApiError(res.status, `http_${res.status}`, message);
}

export function createApiClient(hooks: ApiHooks = {}): ApiClient {
  async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    try {
      return await send<T>(method, path, body, opts);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'csrf_failed' && hooks.refreshCsrf && (await hooks.refreshCsrf()))) throw err;
      return send<T>(method, path, body, opts);
    }
  }

  async function send<T>(method: Method, path: string, body: unknown, opts: RequestOptions): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = method === 'GET' ? undefined : hooks.csrfToken?.();
    if (csrf) headers['x-csrf-token'] = csrf;
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers,
        credentials: hooks.credentials ?? 'same-origin',
        signal: opts.signal,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw networkError();
    }
    if (!res.ok) {
      const err = await errorFrom(res);
      if (res.status === 401 && !opts.quiet401) hooks.onUnauthorized?.(err);
      throw err;
    }
    // The caller names the route's answer type: the API declares it, and its answer is not checked here.
    if (res.status === 204) return undefined as T;
    const type = res.headers.get('content-type') ?? '';
    return (type.includes('json') ? await res.json() : undefined) as T;
  }
  return {
    request,
    get: (path, opts) => request('GET', path, undefined, opts),
    post: (path, body, opts) => request('POST', path, body ?? {}, opts),
    patch: (path, body, opts) => request('PATCH', path, body ?? {}, opts),
    del: (path, opts) => request('DELETE', path, undefined, opts),
  };
}

/** For the public pages: no session, no cookies, no CSRF. */
export const publicApi = createApiClient({ credentials: 'omit' });

export const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';
