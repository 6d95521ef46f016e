// The people services, built together because they share the database and the audit log.
import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import { ApiKeysService } from './api-keys.service.ts';
import { SessionsService } from './sessions.service.ts';
import { StaffTokensService } from './staff-tokens.service.ts';
import { StaffUsersService } from './staff-users.service.ts';

export interface People {
  users: StaffUsersService;
  sessions: SessionsService;
  tokens: StaffTokensService;
  keys: ApiKeysService;
}

export function createPeople(db: Db, audit: AuditLog): People {
  const users = new StaffUsersService(db, audit);
  return {
    users,
    sessions: new SessionsService(db, users, audit),
    tokens: new StaffTokensService(db, audit),
    keys: new ApiKeysService(db, audit),
  };
}
