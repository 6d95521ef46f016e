/** Timestamps are stored as ISO-8601 UTC text: portable across SQLite and PostgreSQL and sortable. */
export const nowIso = (): string => new Date().toISOString();
