// Hash banks as the API returns them (types generated from the OpenAPI document), and their labels.
import type { ResponseBody } from 'vigil/client';

export const BANK_CATEGORIES = ['terrorism', 'csam', 'ncii', 'other'] as const;
export type BankCategory = (typeof BANK_CATEGORIES)[number];

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

export type BankList = ResponseBody<'/api/v1/banks', 'get'>;
export type BankRow = BankList['banks'][number];
export type EntryPage = ResponseBody<'/api/v1/banks/{name}/entries', 'get'>;
export type BankEntry = EntryPage['entries'][number];
export type EntryStatus = BankEntry['status'];
export type BankMatch = ResponseBody<'/api/v1/banks/{name}/matches', 'get'>['matches'][number];
export type ImportResult = ResponseBody<'/api/v1/banks/{name}/entries', 'post'>;

export const ORIGIN_LABEL: Record<string, string> = { import: 'Imported', victim: 'Victim submission', decision: 'Moderation decision' };
export const ENTRY_STATUS_LABEL: Record<string, string> = { active: 'Active', benign: 'Benign (never matches)', withdrawn: 'Withdrawn (deleted)' };

export const bankPath = (name: string) => `/console/banks/${encodeURIComponent(name)}`;
