// Table types for staff users, sessions, tokens, API keys and the audit log (migration 02).
import type { ApiKeyKind, Role } from '../people/roles.ts';

export interface StaffUsersTable {
  id: string;
  email: string;
  password_hash: string;
  role: Role;
  created_at: string;
  disabled_at: string | null;
}
export interface StaffSessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}
export interface StaffTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
}
export interface ApiKeysTable {
  id: string;
  kind: ApiKeyKind;
  org: string;
  country: string | null;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}
export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface PeopleTables {
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  staff_tokens: StaffTokensTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
}
