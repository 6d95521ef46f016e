// Personal bearer tokens (`vgs_…`) for scripts: they act with their user's current role, and stop
// working when revoked or when the user is disabled.
import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import type { Role } from '../http/principal.ts';
import { badRequest, notFound } from '../shared/errors.ts';
import { newId, newSecret } from '../shared/ids.ts';
import { hashToken } from '../shared/secrets.ts';
import { nowIso } from '../shared/time.ts';
import { StaffTokensRepository } from './staff-tokens.repository.ts';
import type { StaffIdentity } from './staff-users.service.ts';

export const STAFF_TOKEN_PREFIX = 'vgs';

export interface StaffTokenView {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

const view = (r: { id: string; label: string; created_at: string; revoked_at: string | null }): StaffTokenView => ({
  id: r.id,
  label: r.label,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export class StaffTokensService {
  #db: Db;
  #audit: AuditLog;
  constructor(db: Db, audit: AuditLog) {
    this.#db = db;
    this.#audit = audit;
  }

  /** Mints a token for the user; the token is returned once and only its hash is stored. */
  async mint(owner: StaffIdentity, rawLabel: string): Promise<StaffTokenView & { token: string; role: Role }> {
    const label = rawLabel.trim();
    if (label === '') throw badRequest('invalid_label', 'The label must not be blank.', [{ field: 'label', message: 'blank' }]);
    const token = newSecret(STAFF_TOKEN_PREFIX);
    const row = { id: newId('tok'), user_id: owner.userId, token_hash: hashToken(token), label, created_at: nowIso(), revoked_at: null };
    await this.#db.transaction().execute(async (trx) => {
      await new StaffTokensRepository(trx).insert(row);
      await this.#audit.append({ actor: `staff:${owner.userId}`, action: 'staff_token.minted', target: row.id, data: { label } }, trx);
    });
    return { ...view(row), token, role: owner.role };
  }

  async list(userId: string): Promise<StaffTokenView[]> {
    return (await new StaffTokensRepository(this.#db).listForUser(userId)).map(view);
  }

  /** Revokes one of the user's own tokens; revoking twice is harmless. */
  async revoke(userId: string, id: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const tokens = new StaffTokensRepository(trx);
      const row = await tokens.findForUser(userId, id);
      if (!row) throw notFound('Token');
      if (row.revoked_at !== null) return;
      await tokens.revoke(id, nowIso());
      await this.#audit.append({ actor: `staff:${userId}`, action: 'staff_token.revoked', target: id, data: { label: row.label } }, trx);
    });
  }

  async resolve(token: string): Promise<StaffIdentity | undefined> {
    const row = await new StaffTokensRepository(this.#db).findLiveByHash(hashToken(token));
    return row ? { userId: row.user_id, email: row.email, role: row.role } : undefined;
  }
}
