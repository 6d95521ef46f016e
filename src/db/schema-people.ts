// Table types for staff users, sessions, tokens, API keys and the audit log (migration 02).
export type StaffRoleColumn = 'triage' | 'moderator' | 'senior' | 'admin';
export type ApiKeyKindColumn = 'trusted_flagger' | 'authority' | 'platform';

export interface StaffUsersTable {
  id: string;
  email: string;
  password_hash: string;
  role: StaffRoleColumn;
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
  kind: ApiKeyKindColumn;
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
