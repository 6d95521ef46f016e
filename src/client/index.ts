// `vigil/client`: a typed client for Vigil's HTTP API. The types are generated from the OpenAPI document
// (src/client/api-types.ts, by `npm run api:types`); openapi-fetch does the requests. See docs/API.md.
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './api-types.ts';

export type { components, paths };

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type SuccessStatus = 200 | 201 | 202 | 204;
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body a route answers with when it succeeds: `ResponseBody<'/api/v1/cases/{id}', 'get'>`. */
export type ResponseBody<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: infer R }
  ? JsonOf<R[Extract<keyof R, SuccessStatus>]>
  : never;

/** The JSON body a route takes: `RequestBody<'/api/v1/reports', 'post'>`. */
export type RequestBody<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer Body } } }
  ? Body
  : never;

/** The error every route answers with on failure: `{ error: { code, message, details? } }`. */
export type ApiError = components['schemas']['Error'];

export type VigilClient = Client<paths>;

export interface VigilClientOptions extends ClientOptions {
  /** Vigil's address, e.g. `https://vigil.example.org`. */
  baseUrl: string;
  /** An account token (`vga_…`), a staff personal token (`vgs_…`) or an API key (`vgk_…`), sent as a bearer token. */
  token?: string;
}

/** A client for one Vigil server: `client.GET('/api/v1/cases/{id}', { params: { path: { id } } })`. */
export function createVigilClient({ token, ...options }: VigilClientOptions): VigilClient {
  const client = createClient<paths>(options);
  if (token) {
    client.use({
      onRequest: ({ request }) => {
        request.headers.set('authorization', `Bearer ${token}`);
        return request;
      },
    });
  }
  return client;
}
