// The protect API's answers (src/detection/protect.service.ts).
export interface ProtectReceipt {
  caseNumber: string;
  pin: string;
  hashes: number;
}

export type FingerprintStatus = 'active' | 'withdrawn' | 'benign';

export interface ProtectStatus {
  caseNumber: string;
  submittedAt: string;
  withdrawnAt: string | null;
  hashes: Array<{ number: number; status: FingerprintStatus; matches: number; lastMatchAt: string | null }>;
}

/** The server matches only hashes of at least this quality (MIN_PDQ_QUALITY in src/detection/hash-matcher.ts). */
export const MIN_QUALITY = 50;
/** At most this many hashes per submission (src/detection/protect.service.ts). */
export const MAX_HASHES = 100;
