// Table types for reports, cases, events, decisions and enforcement (migration 03).
export interface ModerationTables {}
