// Victim hash submission (the StopNCII model): a person hashes her images on her own device and sends
// only the hashes. She gets a case number and a PIN to see matches and withdraw her hashes at any time.
// Unreviewed submissions can be wrong, so their matches hold content for human review, never more.
import { randomInt } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { badRequest, fieldProblem, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { hashToken, safeEqual } from '../shared/secrets.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from '../people/password.ts';
import { nowIso } from '../shared/time.ts';
import { BanksRepository } from './banks.repository.ts';
import { VICTIM_BANK, type BanksService } from './banks.service.ts';
import type { EntryStatus } from './bank-values.ts';
import type { HashMatcher } from './hash-matcher.ts';

const MAX_HASHES = 100;

/**
 * A PIN has only 10^8 values, so it is hashed like a password (scrypt, salted; about 0.1–0.4 s a guess)
 * together with its case number. Hashes stored before that are a SHA-256 of `<case number>:<PIN>` (64 hex
 * characters, no `scrypt$` prefix): they still verify, and are rehashed with scrypt when next used.
 */
const pinSecret = (caseNumber: string, pin: string) => `${caseNumber}:${pin}`;
const isLegacyPinHash = (stored: string) => !stored.startsWith('scrypt$');

async function pinMatches(caseNumber: string, pin: string, stored: string): Promise<boolean> {
  if (isLegacyPinHash(stored)) return safeEqual(hashToken(pinSecret(caseNumber, pin)), stored);
  return verifyPassword(pinSecret(caseNumber, pin), stored);
}

function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(randomInt(10));
  return s;
}

export class ProtectService {
  #db: Db;
  #banks: BanksService;
  #matcher: HashMatcher;
  constructor(db: Db, banks: BanksService, matcher: HashMatcher) {
    this.#db = db;
    this.#banks = banks;
    this.#matcher = matcher;
  }

  async submit(hashes: Array<{ pdq: string; quality?: number }>) {
    if (hashes.length === 0 || hashes.length > MAX_HASHES) {
      const problem = hashes.length === 0 ? fieldProblem('hashes', 'too_few', 'count', 1) : fieldProblem('hashes', 'too_many', 'count', MAX_HASHES);
      throw badRequest('invalid_hashes', `Send between 1 and ${MAX_HASHES} hashes.`, [problem]);
    }
    const entries = hashes.map((h, i) => {
      const hash = h.pdq.toLowerCase();
      if (!/^[0-9a-f]{64}$/.test(hash))
        throw badRequest('invalid_hashes', `Hash ${i + 1} is not a PDQ hash (64 hexadecimal characters).`, [
          fieldProblem(`hashes.${i}.pdq`, 'bad_format', 'malformed'),
        ]);
      return { signalType: 'pdq' as const, hash, label: null };
    });
    const bank = await this.#banks.findOrCreate(VICTIM_BANK, 'ncii', 'Hashes submitted by people protecting their own intimate images');
    const caseNumber = `P-${digits(4)}-${digits(4)}-${digits(4)}`;
    const pin = digits(8);
    const id = newId('prot');
    const pinHash = await hashPassword(pinSecret(caseNumber, pin));
    const rows = await this.#db.transaction().execute(async (trx) => {
      await new BanksRepository(trx).insertSubmission({ id, case_number: caseNumber, pin_hash: pinHash, created_at: nowIso(), withdrawn_at: null });
      return this.#banks.addEntries(bank.id, entries, 'victim', id, trx);
    });
    this.#banks.index(rows, 'ncii');
    return { caseNumber, pin, hashes: entries.length };
  }

  async #open(caseNumber: string, pin: string) {
    const repo = new BanksRepository(this.#db);
    const s = await repo.findSubmissionByCaseNumber(caseNumber.trim().toUpperCase());
    // One answer, and about the same time, for a wrong number and a wrong PIN, so neither can be probed alone.
    const ok = s ? await pinMatches(s.case_number, pin.trim(), s.pin_hash) : await verifyAgainstNothing(pin);
    if (!s || !ok) throw notFound('A submission with this case number and PIN');
    if (isLegacyPinHash(s.pin_hash)) await repo.setSubmissionPinHash(s.id, await hashPassword(pinSecret(s.case_number, pin.trim())));
    return s;
  }

  async status(caseNumber: string, pin: string) {
    return this.#statusOf(await this.#open(caseNumber, pin));
  }

  async #statusOf(s: { id: string; case_number: string; created_at: string; withdrawn_at: string | null }) {
    const repo = new BanksRepository(this.#db);
    const entries = await repo.entriesOfSubmission(s.id);
    const counts = new Map((await repo.matchCountsOfEntries(entries.map((e) => e.id))).map((c) => [c.entry_id, c]));
    return {
      caseNumber: s.case_number,
      submittedAt: s.created_at,
      withdrawnAt: s.withdrawn_at,
      hashes: entries.map((e, i) => ({
        number: i + 1,
        status: e.status as EntryStatus,
        matches: Number(counts.get(e.id)?.n ?? 0),
        lastMatchAt: counts.get(e.id)?.last ?? null,
      })),
    };
  }

  /** Withdraws every hash of the submission: erased from the bank and the matcher at once. */
  async withdraw(caseNumber: string, pin: string) {
    const s = await this.#open(caseNumber, pin);
    const repo = new BanksRepository(this.#db);
    const at = nowIso();
    const entries = await repo.entriesOfSubmission(s.id);
    await this.#db.transaction().execute(async (trx) => {
      const r = new BanksRepository(trx);
      const seq = await r.nextChangeSeq();
      for (const e of entries) if (e.status !== 'withdrawn') await r.setEntryStatus(e.id, 'withdrawn', at, true);
      await r.markSubmissionWithdrawn(s.id, at);
      // A submission's entries were numbered together, so one range covers them (other processes' matchers follow it).
      if (entries.length > 0) {
        const nums = entries.map((e) => e.num);
        await r.recordChange({ seq, kind: 'removed', bank_id: entries[0].bank_id, first_num: Math.min(...nums), last_num: Math.max(...nums), created_at: at });
      }
    });
    for (const e of entries) this.#matcher.remove(e.num);
    // Not this.status(): that would check the PIN (a scrypt derivation) a second time.
    return this.#statusOf({ ...s, withdrawn_at: at });
  }
}
