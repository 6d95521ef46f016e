// The values stored in hash banks, written once: table types, API schemas, services, the CLI and the
// console (which imports this module: keep it free of imports) share these lists.

/** What a bank holds; the category decides what a match does (scanner.ts). */
export const BANK_CATEGORIES = ['terrorism', 'csam', 'ncii', 'other'] as const;
export type BankCategory = (typeof BANK_CATEGORIES)[number];

/** The kinds of hash, in the order of the matcher's type codes (index + 1). */
export const SIGNAL_TYPES = ['pdq', 'md5', 'sha256'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];
/** The exact digests (matched by equality; PDQ is matched by distance). */
export type DigestType = Exclude<SignalType, 'pdq'>;

export const ENTRY_STATUSES = ['active', 'withdrawn', 'benign'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const ENTRY_ORIGINS = ['import', 'victim', 'decision'] as const;
export type EntryOrigin = (typeof ENTRY_ORIGINS)[number];
