// The one place where "may this principal do this?" is decided.
import type { FastifyRequest } from 'fastify';
import { unauthorized } from '../shared/errors.ts';

export function requireAccount(req: FastifyRequest): { accountId: string; displayName: string } {
  const p = req.principal;
  if (p.kind !== 'account') throw unauthorized('This needs an account token: create an account with POST /api/v1/accounts.');
  return p;
}
