// API keys (`vgk_…`) for machines: trusted flaggers, authorities (bound to a country) and platforms.
// Shown once at creation, stored as sha256, revocable.
import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import { isCountryCode } from '../shared/countries.ts';
import { isPlatformName, PLATFORM_NAME_RULE, REFERENCE_PLATFORM } from '../shared/platforms.ts';
import { badRequest, notFound } from '../shared/errors.ts';
import { newId, newSecret } from '../shared/ids.ts';
import { hashToken } from '../shared/secrets.ts';
import { nowIso } from '../shared/time.ts';
import { ApiKeysRepository } from './api-keys.repository.ts';
import { API_KEY_KINDS, type ApiKeyKind } from './roles.ts';
import { isOneOf } from '../shared/one-of.ts';

export const API_KEY_PREFIX = 'vgk';
export type { ApiKeyKind };

export interface ApiKeyView {
  id: string;
  kind: ApiKeyKind;
  org: string;
  country: string | null;
  createdAt: string;
  revokedAt: string | null;
}
export interface ApiKeyIdentity {
  keyId: string;
  keyKind: ApiKeyKind;
  org: string;
  country: string | null;
}

const view = (r: { id: string; kind: ApiKeyKind; org: string; country: string | null; created_at: string; revoked_at: string | null }): ApiKeyView => ({
  id: r.id,
  kind: r.kind,
  org: r.org,
  country: r.country,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

function validate(input: { kind: string; org: string; country?: string | null }): { kind: ApiKeyKind; org: string; country: string | null } {
  const kind = input.kind;
  if (!isOneOf(API_KEY_KINDS, kind)) {
    throw badRequest('invalid_kind', `The kind must be one of ${API_KEY_KINDS.join(', ')}.`, [{ field: 'kind', message: 'invalid' }]);
  }
  const org = input.org.trim();
  if (org === '' || org.length > 128)
    throw badRequest('invalid_org', 'The organisation name must be 1–128 characters.', [{ field: 'org', message: 'invalid' }]);
  // A platform key's organisation is the platform's name: webhooks and subjects are addressed by it.
  if (input.kind === 'platform') {
    if (org === REFERENCE_PLATFORM)
      throw badRequest('reserved_org', `"${REFERENCE_PLATFORM}" is the bundled reference platform; choose another name.`, [
        { field: 'org', message: 'reserved' },
      ]);
    if (!isPlatformName(org))
      throw badRequest('invalid_org', `A platform key's organisation is the platform's name: ${PLATFORM_NAME_RULE}.`, [{ field: 'org', message: 'invalid' }]);
  }
  const country = input.country ?? null;
  if (country !== null && !isCountryCode(country)) {
    throw badRequest('invalid_country', 'The country must be an ISO 3166-1 alpha-2 code in upper case, e.g. "DE".', [{ field: 'country', message: 'invalid' }]);
  }
  // An authority's requests carry legal weight only in its own jurisdiction.
  if (kind === 'authority' && country === null) {
    throw badRequest('country_required', 'An authority key needs the country whose law it acts under.', [{ field: 'country', message: 'is required' }]);
  }
  return { kind, org, country };
}

export class ApiKeysService {
  #db: Db;
  #audit: AuditLog;
  constructor(db: Db, audit: AuditLog) {
    this.#db = db;
    this.#audit = audit;
  }

  async create(input: { kind: string; org: string; country?: string | null }, actor: string): Promise<ApiKeyView & { key: string }> {
    const { kind, org, country } = validate(input);
    const key = newSecret(API_KEY_PREFIX);
    const row = { id: newId('key'), kind, org, country, key_hash: hashToken(key), created_at: nowIso(), revoked_at: null };
    await this.#db.transaction().execute(async (trx) => {
      await new ApiKeysRepository(trx).insert(row);
      await this.#audit.append({ actor, action: 'api_key.created', target: row.id, data: { kind, org, country } }, trx);
    });
    return { ...view(row), key };
  }

  async list(): Promise<ApiKeyView[]> {
    return (await new ApiKeysRepository(this.#db).list()).map(view);
  }

  /** Revokes a key at once; revoking twice is harmless and recorded once. */
  async revoke(id: string, actor: string): Promise<ApiKeyView> {
    return this.#db.transaction().execute(async (trx) => {
      const keys = new ApiKeysRepository(trx);
      const row = await keys.findById(id);
      if (!row) throw notFound('API key');
      if (row.revoked_at !== null) return view(row);
      const at = nowIso();
      await keys.revoke(id, at);
      await this.#audit.append({ actor, action: 'api_key.revoked', target: id, data: { kind: row.kind, org: row.org } }, trx);
      return view({ ...row, revoked_at: at });
    });
  }

  async resolve(key: string): Promise<ApiKeyIdentity | undefined> {
    const row = await new ApiKeysRepository(this.#db).findLiveByHash(hashToken(key));
    return row ? { keyId: row.id, keyKind: row.kind, org: row.org, country: row.country } : undefined;
  }
}
