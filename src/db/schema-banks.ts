// Table types for hash banks (migration 04).
import type { BankCategory, EntryOrigin, EntryStatus, SignalType } from '../detection/bank-values.ts';

export interface CountersTable {
  name: string;
  value: number;
}
export interface BanksTable {
  id: string;
  name: string;
  category: BankCategory;
  description: string;
  created_at: string;
}
export interface BankEntriesTable {
  id: string;
  num: number;
  bank_id: string;
  signal_type: SignalType;
  hash: string;
  status: EntryStatus;
  origin: EntryOrigin;
  label: string | null;
  submission_id: string | null;
  /** The decision whose removed media the entry holds (2026-12-04-07-appeals); withdrawn if it is reversed on appeal. */
  decision_id?: string | null;
  created_at: string;
  updated_at: string;
}
/** One row of the banks' change feed (migration 2026-11-30-01): entries first_num…last_num of `bank_id`. */
export interface BankChangesTable {
  seq: number;
  kind: 'bank' | 'added' | 'removed';
  bank_id: string;
  first_num: number;
  last_num: number;
  created_at: string;
}
export interface MediaMatchesTable {
  id: string;
  media_id: string;
  entry_id: string;
  bank_id: string;
  signal_type: SignalType;
  distance: number;
  context: string;
  verdict: string;
  case_id: string | null;
  created_at: string;
}
export interface ProtectSubmissionsTable {
  id: string;
  case_number: string;
  pin_hash: string;
  created_at: string;
  withdrawn_at: string | null;
}
export interface MediaHashesTable {
  media_id: string;
  pdq: string | null;
  pdq_quality: number | null;
  created_at: string;
}

export interface BankTables {
  counters: CountersTable;
  banks: BanksTable;
  bank_entries: BankEntriesTable;
  bank_changes: BankChangesTable;
  media_matches: MediaMatchesTable;
  protect_submissions: ProtectSubmissionsTable;
  media_hashes: MediaHashesTable;
}
