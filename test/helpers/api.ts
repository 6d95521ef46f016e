// A small client over app.inject() for API tests: JSON in, status + JSON out.
import type { App } from '../../src/http/types.ts';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
  text: string;
}

export function apiClient(app: App) {
  async function call<T = any>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: Buffer; contentType?: string } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let payload: string | Buffer | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      headers['content-type'] = opts.contentType ?? 'application/octet-stream';
    } else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    const res = await app.inject({ method, url, headers, payload });
    let body: any;
    if (String(res.headers['content-type'] ?? '').includes('json') && res.body) body = JSON.parse(res.body);
    return { status: res.statusCode, body, headers: res.headers, text: res.body };
  }
  return {
    call,
    get: <T = any>(url: string, opts?: Parameters<typeof call>[2]) => call<T>('GET', url, opts),
    post: <T = any>(url: string, body?: unknown, opts: Parameters<typeof call>[2] = {}) => call<T>('POST', url, { ...opts, body }),
    async account(displayName = 'Tester'): Promise<{ id: string; token: string }> {
      const r = await call('POST', '/api/v1/accounts', { body: { displayName } });
      if (r.status !== 201) throw new Error(`account creation failed: ${r.status} ${r.text}`);
      return r.body;
    },
  };
}

export type Api = ReturnType<typeof apiClient>;
