// Resolvers that turn staff tokens (`vgs_`), API keys (`vgk_`) and session cookies into principals.
import type { People } from '../people/index.ts';
import type { SessionResolver, TokenResolver } from './principal.ts';

export function peopleTokenResolvers(people: People): Record<string, TokenResolver> {
  return {
    vgs: async (token) => {
      const who = await people.tokens.resolve(token);
      return who && { kind: 'staff', userId: who.userId, email: who.email, role: who.role, via: 'token' };
    },
    vgk: async (key) => {
      const k = await people.keys.resolve(key);
      return k && { kind: 'api_key', keyId: k.keyId, keyKind: k.keyKind, org: k.org, country: k.country };
    },
  };
}

export function sessionResolver(people: People): SessionResolver {
  return async (secret) => {
    const s = await people.sessions.resolve(secret);
    if (!s) return undefined;
    const { userId, email, role } = s.identity;
    return { principal: { kind: 'staff', userId, email, role, via: 'session' }, csrfToken: s.csrfToken };
  };
}
