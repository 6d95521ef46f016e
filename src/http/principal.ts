// Who is making a request. Resolved once per request from the Authorization header (or, for staff,
// a session cookie); authorization decisions are then taken in access.ts only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unauthorized } from '../shared/errors.ts';

export type Role = 'triage' | 'moderator' | 'senior' | 'admin';
export const ROLES: Role[] = ['triage', 'moderator', 'senior', 'admin'];

export interface StaffPrincipal { kind: 'staff'; userId: string; email: string; role: Role; via: 'session' | 'token' }
export interface ApiKeyPrincipal {
  kind: 'api_key'; keyId: string; keyKind: 'trusted_flagger' | 'authority' | 'platform'; org: string; country: string | null;
}
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'account'; accountId: string; displayName: string }
  | StaffPrincipal
  | ApiKeyPrincipal;

/** Resolves a bearer token to a principal, or undefined if the token is not one of its kind. */
export type TokenResolver = (token: string) => Promise<Principal | undefined>;

declare module 'fastify' {
  interface FastifyRequest { principal: Principal }
}

const ANONYMOUS: Principal = { kind: 'anonymous' };

export function installPrincipal(app: FastifyInstance, resolvers: Record<string, TokenResolver>): void {
  // Fastify refuses shared object decorators; the per-request value lives in a symbol slot.
  const slot = Symbol('principal');
  type WithSlot = FastifyRequest & { [slot]?: Principal };
  app.decorateRequest('principal', {
    getter(this: FastifyRequest) { return (this as WithSlot)[slot] ?? ANONYMOUS; },
    setter(this: FastifyRequest, value: Principal) { (this as WithSlot)[slot] = value; },
  });
  app.addHook('onRequest', async (req: FastifyRequest) => {
    req.principal = ANONYMOUS;
    const header = req.headers.authorization;
    if (!header) return;
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw unauthorized('The Authorization header must be "Bearer <token>".');
    const token = m[1];
    const prefix = token.split('_')[0];
    const resolve = resolvers[prefix];
    const principal = resolve ? await resolve(token) : undefined;
    // A wrong token is an error, not a silent fall back to anonymous: the caller meant to be someone.
    if (!principal) throw unauthorized('The token is not valid.');
    req.principal = principal;
  });
}
