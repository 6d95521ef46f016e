// Console sessions: a random secret in an HttpOnly cookie, stored only as its sha256; a CSRF token per
// session; 12 hours from login, then the console must log in again.
import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../shared/errors.ts';
import { hashToken } from '../shared/secrets.ts';
import { nowIso } from '../shared/time.ts';
import { SessionsRepository } from './sessions.repository.ts';
import { staffUserView, type StaffIdentity, type StaffUserView, type StaffUsersService } from './staff-users.service.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface NewSession {
  secret: string;
  csrfToken: string;
  expiresAt: string;
  user: StaffUserView;
}
export interface LiveSession {
  sessionId: string;
  identity: StaffIdentity;
  csrfToken: string;
  expiresAt: string;
}

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The email or password is wrong.');

export class SessionsService {
  #db: Db;
  #users: StaffUsersService;
  #audit: AuditLog;
  constructor(db: Db, users: StaffUsersService, audit: AuditLog) {
    this.#db = db;
    this.#users = users;
    this.#audit = audit;
  }

  /** Logs in. Every failure gets the same answer; the audit log records which kind it was. */
  async login(email: string, password: string, meta: { ip: string }): Promise<NewSession> {
    const check = await this.#users.checkCredentials(email, password);
    if (!check.ok) {
      await this.#audit.append({
        actor: 'anonymous',
        action: 'session.login_failed',
        target: check.userId,
        data: { email: email.trim().toLowerCase().slice(0, 254), ip: meta.ip, reason: check.reason },
      });
      throw invalidCredentials();
    }
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
    const user = check.user;
    await this.#db.transaction().execute(async (trx) => {
      const sessions = new SessionsRepository(trx);
      await sessions.deleteExpired(now.toISOString());
      await sessions.insert({ id: hashToken(secret), user_id: user.id, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt });
      await this.#audit.append({ actor: `staff:${user.id}`, action: 'session.login', target: user.id, data: { ip: meta.ip } }, trx);
    });
    return { secret, csrfToken, expiresAt, user: staffUserView(user) };
  }

  /** The session behind a cookie's secret, or undefined when unknown, expired or its user disabled. */
  async resolve(secret: string): Promise<LiveSession | undefined> {
    if (secret.length < 20 || secret.length > 100) return undefined;
    const row = await new SessionsRepository(this.#db).findLive(hashToken(secret), nowIso());
    if (!row) return undefined;
    return {
      sessionId: row.id,
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
      identity: { userId: row.user_id, email: row.email, role: row.role },
    };
  }

  async logout(secret: string): Promise<void> {
    const live = await this.resolve(secret);
    if (!live) return;
    await this.#db.transaction().execute(async (trx) => {
      await new SessionsRepository(trx).delete(live.sessionId);
      await this.#audit.append({ actor: `staff:${live.identity.userId}`, action: 'session.logout', target: live.identity.userId }, trx);
    });
  }
}
