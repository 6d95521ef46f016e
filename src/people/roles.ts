// Who may act, written once (table types, API schemas, services, CLI, console): staff roles, least to
// most, and the kinds of API key machines hold.
export const ROLES = ['triage', 'moderator', 'senior', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const API_KEY_KINDS = ['trusted_flagger', 'authority', 'platform'] as const;
export type ApiKeyKind = (typeof API_KEY_KINDS)[number];
