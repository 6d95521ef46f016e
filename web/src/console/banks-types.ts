// Hash banks as the API returns them (src/http/routes/banks.routes.ts, src/detection/banks.service.ts).
import type { EntryStatus } from '../../../src/detection/bank-values.ts';

export { BANK_CATEGORIES, type BankCategory, type EntryStatus } from '../../../src/detection/bank-values.ts';

export const CATEGORY_LABEL: Record<string, string> = {
  terrorism: 'Terrorism',
  csam: 'Child sexual abuse (CSAM)',
  ncii: 'Non-consensual intimate images',
  other: 'Other',
};

/** What a match does on upload (src/detection/scanner.ts): some categories block, the rest hold for review. */
export const CATEGORY_EFFECT: Record<string, string> = {
  terrorism: 'matching uploads are blocked',
  csam: 'matching uploads are blocked',
  ncii: 'matching uploads are held for review',
  other: 'matching uploads are held for review',
};

export interface BankRow {
  id: string;
  name: string;
  category: string;
  description: string;
  created_at: string;
  /** Counts may arrive as strings from PostgreSQL. */
  active: number | string;
  total: number | string;
}
export interface BankList {
  banks: BankRow[];
  indexed: number;
}

export interface BankEntry {
  id: string;
  signalType: string;
  hash: string;
  status: EntryStatus;
  origin: string;
  label: string | null;
  createdAt: string;
  matches: number;
  lastMatchAt: string | null;
}
export interface EntryPage {
  bank: BankRow;
  entries: BankEntry[];
  nextCursor: string | null;
}

export interface BankMatch {
  id: string;
  mediaId: string;
  entryId: string;
  signalType: string;
  distance: number;
  verdict: string;
  caseId: string | null;
  at: string;
  context: { surface?: string; subject?: { kind: string; id: string }; postId?: string | null };
}

export interface ImportResult {
  added: number;
  duplicates: number;
  rejected: Array<{ line: number; message: string }>;
}

export const ORIGIN_LABEL: Record<string, string> = { import: 'Imported', victim: 'Victim submission', decision: 'Moderation decision' };
export const ENTRY_STATUS_LABEL: Record<string, string> = { active: 'Active', benign: 'Benign (never matches)', withdrawn: 'Withdrawn (deleted)' };

export const bankPath = (name: string) => `/console/banks/${encodeURIComponent(name)}`;
