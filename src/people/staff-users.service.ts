// Staff users: creation with a one-time password, roles, disabling, credential checks, the first admin.
import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import type { StaffUsersTable } from '../db/schema-people.ts';
import { ROLES, type Role } from './roles.ts';
import { isOneOf } from '../shared/one-of.ts';
import { AppError, badRequest, conflict, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/time.ts';
import { generatePassword, hashPassword, isPasswordHash, MIN_PASSWORD_LENGTH, verifyAgainstNothing, verifyPassword } from './password.ts';
import { SessionsRepository } from './sessions.repository.ts';
import { StaffTokensRepository } from './staff-tokens.repository.ts';
import { StaffUsersRepository } from './staff-users.repository.ts';

export interface StaffUserView {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
}
/** Who a staff credential belongs to, with the role the user holds now. */
export interface StaffIdentity {
  userId: string;
  email: string;
  role: Role;
}
/** Who is acting: the audit actor string and, for staff, their user id (to stop self-demotion). */
export interface Acting {
  actor: string;
  userId?: string;
}

export const staffUserView = (u: StaffUsersTable): StaffUserView => ({
  id: u.id,
  email: u.email,
  role: u.role,
  createdAt: u.created_at,
  disabledAt: u.disabled_at,
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) {
    throw badRequest('invalid_email', 'The email address is not valid.', [{ field: 'email', message: 'invalid' }]);
  }
  return email;
}

export function validateRole(role: string): Role {
  if (!isOneOf(ROLES, role)) {
    throw badRequest('invalid_role', `The role must be one of ${ROLES.join(', ')}.`, [{ field: 'role', message: 'invalid' }]);
  }
  return role;
}

export function validateNewPassword(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest('weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, [{ field, message: 'too short' }]);
  }
}

export type CredentialCheck =
  | { ok: true; user: StaffUsersTable }
  | { ok: false; reason: 'unknown_email' | 'wrong_password' | 'disabled'; userId: string | null };

export class StaffUsersService {
  #db: Db;
  #audit: AuditLog;
  constructor(db: Db, audit: AuditLog) {
    this.#db = db;
    this.#audit = audit;
  }

  /**
   * Creates a staff user. Without a password one is generated and returned once (`password`).
   * `passwordHash` takes an existing scrypt hash instead (imports, test fixtures).
   */
  async create(
    input: { email: string; role: string; password?: string; passwordHash?: string },
    acting: Acting,
  ): Promise<{ user: StaffUserView; password?: string }> {
    const email = normalizeEmail(input.email);
    const role = validateRole(input.role);
    let generated: string | undefined;
    let passwordHash: string;
    if (input.passwordHash !== undefined) {
      if (!isPasswordHash(input.passwordHash)) throw new Error('passwordHash is not a scrypt hash made by hashPassword()');
      passwordHash = input.passwordHash;
    } else if (input.password !== undefined) {
      validateNewPassword(input.password);
      passwordHash = await hashPassword(input.password);
    } else {
      generated = generatePassword();
      passwordHash = await hashPassword(generated);
    }
    const row: StaffUsersTable = { id: newId('usr'), email, password_hash: passwordHash, role, created_at: nowIso(), disabled_at: null };
    try {
      await this.#db.transaction().execute(async (trx) => {
        await new StaffUsersRepository(trx).insert(row);
        await this.#audit.append({ actor: acting.actor, action: 'staff_user.created', target: row.id, data: { email, role } }, trx);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('email_taken', `A staff user with the email ${email} already exists.`, [{ field: 'email', message: 'taken' }]);
      throw err;
    }
    return generated === undefined ? { user: staffUserView(row) } : { user: staffUserView(row), password: generated };
  }

  async list(): Promise<StaffUserView[]> {
    return (await new StaffUsersRepository(this.#db).list()).map(staffUserView);
  }

  async get(id: string): Promise<StaffUserView> {
    const row = await new StaffUsersRepository(this.#db).findById(id);
    if (!row) throw notFound('Staff user');
    return staffUserView(row);
  }

  /** Changes a role or enables/disables a user. Disabling ends their sessions and revokes their tokens. */
  async update(id: string, changes: { role?: string; disabled?: boolean }, acting: Acting): Promise<StaffUserView> {
    const role = changes.role === undefined ? undefined : validateRole(changes.role);
    return this.#db.transaction().execute(async (trx) => {
      const users = new StaffUsersRepository(trx);
      const user = await users.findById(id);
      if (!user) throw notFound('Staff user');
      const demotes = role !== undefined && role !== user.role;
      if (acting.userId === id && (demotes || changes.disabled === true)) {
        // Also guarantees the last admin cannot lock everyone out.
        throw conflict('cannot_change_self', 'You cannot change your own role or disable yourself; ask another admin.');
      }
      const now = nowIso();
      if (role !== undefined && role !== user.role) {
        await users.setRole(id, role);
        await this.#audit.append({ actor: acting.actor, action: 'staff_user.role_changed', target: id, data: { from: user.role, to: role } }, trx);
        user.role = role;
      }
      if (changes.disabled === true && user.disabled_at === null) {
        await users.setDisabledAt(id, now);
        const sessionsEnded = await new SessionsRepository(trx).deleteForUser(id);
        const tokensRevoked = await new StaffTokensRepository(trx).revokeAllForUser(id, now);
        await this.#audit.append({ actor: acting.actor, action: 'staff_user.disabled', target: id, data: { sessionsEnded, tokensRevoked } }, trx);
        user.disabled_at = now;
      } else if (changes.disabled === false && user.disabled_at !== null) {
        await users.setDisabledAt(id, null);
        await this.#audit.append({ actor: acting.actor, action: 'staff_user.enabled', target: id }, trx);
        user.disabled_at = null;
      }
      return staffUserView(user);
    });
  }

  /** Checks an email and password, taking the same time whether or not the email exists. */
  async checkCredentials(email: string, password: string): Promise<CredentialCheck> {
    const user = await new StaffUsersRepository(this.#db).findByEmail(email.trim().toLowerCase());
    if (!user) {
      await verifyAgainstNothing(password);
      return { ok: false, reason: 'unknown_email', userId: null };
    }
    if (!(await verifyPassword(password, user.password_hash))) return { ok: false, reason: 'wrong_password', userId: user.id };
    if (user.disabled_at !== null) return { ok: false, reason: 'disabled', userId: user.id };
    return { ok: true, user };
  }

  /** Changes one's own password after checking the current one; other sessions of the user end. */
  async changePassword(userId: string, current: string, next: string, keepSessionId?: string): Promise<void> {
    validateNewPassword(next, 'newPassword');
    const user = await new StaffUsersRepository(this.#db).findById(userId);
    if (!user || !(await verifyPassword(current, user.password_hash))) {
      throw new AppError(403, 'invalid_credentials', 'The current password is wrong.');
    }
    const hash = await hashPassword(next);
    await this.#db.transaction().execute(async (trx) => {
      await new StaffUsersRepository(trx).setPasswordHash(userId, hash);
      const sessionsEnded = await new SessionsRepository(trx).deleteForUser(userId, keepSessionId);
      await this.#audit.append({ actor: `staff:${userId}`, action: 'staff_user.password_changed', target: userId, data: { sessionsEnded } }, trx);
    });
  }

  /** Creates the first admin from VIGIL_ADMIN_EMAIL / VIGIL_ADMIN_PASSWORD, only while there are no staff users. */
  async bootstrapAdmin(email: string, password: string): Promise<StaffUserView | undefined> {
    if ((await new StaffUsersRepository(this.#db).count()) > 0) return undefined;
    if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`VIGIL_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters`);
    try {
      return (await this.create({ email, role: 'admin', password }, { actor: 'system:env' })).user;
    } catch (err) {
      // Another process starting at the same moment created it first.
      if (err instanceof AppError && err.code === 'email_taken') return undefined;
      throw err;
    }
  }
}
