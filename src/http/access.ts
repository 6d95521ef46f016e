// The one place where "may this principal do this?" is decided. Routes name a permission; this table
// says who holds it. The authorization-matrix test walks every route against every principal.
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../shared/errors.ts';
import type { ApiKeyPrincipal, Principal, Role, StaffPrincipal } from './principal.ts';

const RANK: Record<Role, number> = { triage: 1, moderator: 2, senior: 3, admin: 4 };

/** Staff permissions and the least role that holds each. */
export const STAFF_PERMISSIONS = {
  'cases.read': 'triage',
  'cases.claim': 'triage',
  'cases.comment': 'triage',
  'cases.escalate': 'triage',
  'cases.decide': 'moderator',
  /** Jurisdiction restrictions, reversals, appeals: decisions with legal weight. */
  'cases.decide_senior': 'senior',
  /** The appeals queue and an appeal with its case (DSA Art. 20). */
  'appeals.read': 'senior',
  /** Upholding or reversing on appeal; the service also refuses the senior who took the decision. */
  'appeals.decide': 'senior',
  /** Warning a misusing reporter, setting its reports aside, reversing that (DSA Art. 23). */
  'reporters.manage': 'senior',
  /** Who reported: hidden from everyone below senior. */
  'reports.reporter_identity': 'senior',
  'banks.read': 'moderator',
  'banks.manage': 'admin',
  'admin.users': 'admin',
  'admin.keys': 'admin',
  'audit.read': 'admin',
  /** The job queue: its failures, and retrying them. */
  'admin.jobs': 'admin',
  /** The abuse mailbox's outbox: the answers and decision mails written to people who reported by mail. */
  'admin.mail': 'admin',
  /** Attachments of abuse mails, kept as evidence: reviewers download them like other evidence. */
  'mail.attachments': 'moderator',
  /** Text rules: their states, hit counts and sample hits. */
  'rules.read': 'moderator',
  /** Reloading the rule files. */
  'rules.manage': 'admin',
  /** Every platform's webhook endpoints and deliveries (a platform key manages its own). */
  'admin.webhooks': 'admin',
} as const satisfies Record<string, Role>;

export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

export function hasPermission(role: Role, permission: StaffPermission): boolean {
  return RANK[role] >= RANK[STAFF_PERMISSIONS[permission]];
}

export function requireStaff(req: FastifyRequest, permission: StaffPermission): StaffPrincipal {
  const p = req.principal;
  if (p.kind !== 'staff') throw unauthorized('This needs a moderator session or personal token.');
  if (!hasPermission(p.role, permission)) {
    throw forbidden(`Your role (${p.role}) does not allow this; it needs ${STAFF_PERMISSIONS[permission]} or above.`);
  }
  return p;
}

/** Any staff user, whatever their role: for things about oneself (one's session, tokens, password). */
export function requireStaffUser(req: FastifyRequest): StaffPrincipal {
  const p = req.principal;
  if (p.kind !== 'staff') throw unauthorized('This needs a moderator session or personal token.');
  return p;
}

export function requireAccount(req: FastifyRequest): { accountId: string; displayName: string } {
  const p = req.principal;
  if (p.kind !== 'account') throw unauthorized('This needs an account token: create an account with POST /api/v1/accounts.');
  return p;
}

/** A connected platform's API key: the platform is named by the key's organisation. */
export function requirePlatform(req: FastifyRequest): ApiKeyPrincipal & { keyKind: 'platform' } {
  const p = req.principal;
  if (p.kind === 'anonymous') throw unauthorized('This needs a platform API key (vigil keys create --kind platform).');
  if (p.kind !== 'api_key' || p.keyKind !== 'platform') throw forbidden('Only a platform API key may do this.');
  return { ...p, keyKind: 'platform' };
}

export function isStaffWith(p: Principal, permission: StaffPermission): boolean {
  return p.kind === 'staff' && hasPermission(p.role, permission);
}

/**
 * What a route requires, declared on the route (`config: { access }`) and enforced for every request
 * in one onRequest hook, before the body is read or validated: a refused caller learns nothing more.
 * Handlers still call the require* helpers above to get the typed principal.
 */
export type Access = 'public' | 'account' | 'staff' | 'authenticated' | 'webhooks' | 'platform' | StaffPermission;

/**
 * Webhook endpoints: a platform key manages its own platform's, an admin everyone's. Whose they are is
 * the scope the webhooks service filters by.
 */
export function requireWebhookManager(req: FastifyRequest): { platform: string } | { all: true } {
  const p = req.principal;
  if (p.kind === 'api_key') {
    if (p.keyKind !== 'platform') throw forbidden('Webhooks belong to platforms: this needs a platform key or an admin.');
    return { platform: p.org };
  }
  requireStaff(req, 'admin.webhooks');
  return { all: true };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function enforceAccess(req: FastifyRequest): void {
  const access = req.routeOptions.config?.access;
  if (access === undefined || access === 'public') return;
  if (access === 'account') {
    requireAccount(req);
    return;
  }
  if (access === 'authenticated') {
    if (req.principal.kind === 'anonymous') throw unauthorized('No credentials were sent.');
    return;
  }
  if (access === 'staff') {
    requireStaffUser(req);
    return;
  }
  if (access === 'webhooks') {
    requireWebhookManager(req);
    return;
  }
  if (access === 'platform') {
    requirePlatform(req);
    return;
  }
  requireStaff(req, access);
}
