// Who is making a request. Resolved once per request from the Authorization header (or, for staff,
// a session cookie); authorization decisions are then taken in access.ts only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, unauthorized } from '../shared/errors.ts';
import { safeEqual } from '../shared/secrets.ts';
import type { ApiKeyKind, Role } from '../people/roles.ts';

export type { Role };

export interface StaffPrincipal {
  kind: 'staff';
  userId: string;
  email: string;
  role: Role;
  via: 'session' | 'token';
}
export interface ApiKeyPrincipal {
  kind: 'api_key';
  keyId: string;
  keyKind: ApiKeyKind;
  org: string;
  country: string | null;
}
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'account'; accountId: string; displayName: string; createdAt?: string }
  | StaffPrincipal
  | ApiKeyPrincipal;

/** Resolves a bearer token to a principal, or undefined if the token is not one of its kind. */
export type TokenResolver = (token: string) => Promise<Principal | undefined>;

/** Resolves a staff session cookie's secret, or undefined when it is unknown or expired. */
export type SessionResolver = (secret: string) => Promise<{ principal: StaffPrincipal; csrfToken: string } | undefined>;

export const SESSION_COOKIE = 'vigil_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  /** `ownBearer: true`: the route checks its own bearer token (/metrics); it is not a principal's. */
  interface FastifyContextConfig {
    ownBearer?: boolean;
  }
}

const ANONYMOUS: Principal = { kind: 'anonymous' };

export function installPrincipal(app: FastifyInstance, resolvers: Record<string, TokenResolver>, session?: SessionResolver): void {
  // Fastify refuses shared object decorators; the per-request value lives in a map keyed by the request.
  const principals = new WeakMap<FastifyRequest, Principal>();
  app.decorateRequest('principal', {
    getter(this: FastifyRequest) {
      return principals.get(this) ?? ANONYMOUS;
    },
    setter(this: FastifyRequest, value: Principal) {
      principals.set(this, value);
    },
  });
  // The console's session cookie counts only without an Authorization header. An expired or unknown
  // session is simply anonymous. Cookies ride along on cross-site requests, so a cookie-authenticated
  // write must also prove it came from the console by echoing the session's CSRF token.
  async function fromSessionCookie(req: FastifyRequest): Promise<void> {
    if (!session) return;
    const secret = req.cookies?.[SESSION_COOKIE];
    if (!secret) return;
    const found = await session(secret);
    if (!found) return;
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, found.csrfToken)) {
        throw new AppError(403, 'csrf_failed', 'A request made with the session cookie must carry the X-CSRF-Token header of its session.');
      }
    }
    req.principal = found.principal;
  }

  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.principal = ANONYMOUS;
    if (req.routeOptions.config?.ownBearer) return;
    const header = req.headers.authorization;
    if (!header) return fromSessionCookie(req);
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthorized('The Authorization header must be "Bearer <token>".');
    const token = m[1];
    const prefix = token.split('_')[0];
    // Own keys only: a prefix such as "constructor" must not find Object.prototype's members.
    const resolve = Object.hasOwn(resolvers, prefix) ? resolvers[prefix] : undefined;
    const principal = resolve ? await resolve(token) : undefined;
    // A wrong token is an error, not a silent fall back to anonymous: the caller meant to be someone.
    if (!principal) throw unauthorized('The token is not valid.');
    req.principal = principal;
  });
}
