// Personal-data leaks: counts the personal records a text holds (phone numbers, e-mail addresses,
// payment card numbers, user:password pairs) and says whether it looks like a table of them. Pure and
// linear in the text: at most MAX_PII_TEXT characters are read, line by line and cell by cell, each cell
// once per kind. The result holds counts and kinds only, never a number, address or password: what it
// finds is kept in memory just long enough to count distinct records.
import { findPhoneNumbersInText } from 'libphonenumber-js';

/** Longest text read; the rest is not scanned (posts are at most 10,000 characters, so this is for files). */
export const MAX_PII_TEXT = 256_000;
/** Distinct records of one kind, or lines holding a record, from which a text is a leak. */
export const DEFAULT_PII_THRESHOLD = 20;
/** Numbers without a country code are read in this numbering plan (Iraq); `+…` and `00…` numbers in their own. */
export const DEFAULT_PII_REGION = 'IQ';
/** Longest line read; a longer one (a minified JSON dump) is cut into pieces of this size. */
const MAX_LINE = 4_096;

export type PiiKind = 'phones' | 'emails' | 'cards' | 'passwordPairs';

export interface PiiCounts {
  phones: number;
  emails: number;
  cards: number;
  passwordPairs: number;
}

export interface PiiResult {
  verdict: 'leak' | 'none';
  /** Distinct records of each kind. */
  counts: PiiCounts;
  /** The kinds found at least once. */
  kinds: PiiKind[];
  /** Lines holding at least one record. */
  recordLines: number;
  /** True when the text was longer than MAX_PII_TEXT and only its start was read. */
  truncated: boolean;
}

export interface PiiOptions {
  threshold?: number;
  maxChars?: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLocalChar = (c: string) => /[A-Za-z0-9._%+-]/.test(c);
const isDomainChar = (c: string) => /[A-Za-z0-9.-]/.test(c);

/** The Luhn check digit test of a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** E-mail addresses in a piece of text: around each `@`, the local part and a dotted domain with a letter TLD. Bounded on each side, so linear. */
function emailsIn(text: string, out: (address: string, start: number, end: number) => void): void {
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && isLocalChar(text[s - 1] as string)) s--;
    let e = at + 1;
    while (e < text.length && e - at < 254 && isDomainChar(text[e] as string)) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    const tld = domain.slice(domain.lastIndexOf('.') + 1);
    if (local === '' || !domain.includes('.') || !/^[A-Za-z]{2,24}$/.test(tld)) continue;
    out(`${local}@${domain}`.toLowerCase(), s, e);
  }
}

/** Card numbers: 13–19 digits, in groups joined by single spaces or dashes, passing the Luhn check, not part of a longer number or a `+` number. */
function cardsIn(text: string, out: (digits: string, start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    let end = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) {
        digits += text[i];
        i++;
        end = i;
      } else if ((c === 32 || c === 45) && isDigit(text.charCodeAt(i + 1)) && digits.length < 19) i++;
      else break;
    }
    if (digits.length >= 13 && digits.length <= 19 && text[start - 1] !== '+' && luhnValid(digits)) out(digits, start, end);
  }
}

/** A line that is nothing but `user:password` or `email:password` (no spaces, both sides filled), the format of leaked credential lists. */
function passwordPair(line: string): string | null {
  const t = line.trim();
  if (t.length < 5 || t.length > 200 || /\s/.test(t)) return null;
  const colon = t.indexOf(':');
  if (colon < 1) return null;
  const user = t.slice(0, colon);
  const password = t.slice(colon + 1);
  if (password.length < 4 || password.length > 128 || password.startsWith('//')) return null;
  // The user side is an e-mail address or a user name with a letter, so times ("12:30:00") are not pairs.
  if (!user.includes('@') && !(/^[A-Za-z0-9._-]{3,64}$/.test(user) && /[A-Za-z]/.test(user))) return null;
  return t;
}

/** Arabic-Indic and Persian digits read as ASCII ones, as people write phone numbers in either. */
function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
}

const SEPARATORS = /[,;|\t]/;

/** Counts the personal records in `text` and says whether it looks like a table of them. */
export function detectPii(text: string, opts: PiiOptions = {}): PiiResult {
  const threshold = opts.threshold ?? DEFAULT_PII_THRESHOLD;
  const maxChars = opts.maxChars ?? MAX_PII_TEXT;
  const truncated = text.length > maxChars;
  const scanned = foldDigits(truncated ? text.slice(0, maxChars) : text);
  const phones = new Set<string>();
  const emails = new Set<string>();
  const cards = new Set<string>();
  const pairs = new Set<string>();
  let recordLines = 0;
  for (const whole of scanned.split('\n')) {
    for (let off = 0; off < whole.length; off += MAX_LINE) {
      const line = whole.slice(off, off + MAX_LINE);
      let records = 0;
      const pair = passwordPair(line);
      if (pair !== null) {
        pairs.add(pair);
        records++;
      }
      // Cells are read apart so that a row number or an id before a phone number ("17,0770…") is not taken as part of it.
      for (const cell of line.split(SEPARATORS)) {
        if (cell.trim() === '') continue;
        const taken: Array<[number, number]> = [];
        emailsIn(cell, (a, s, e) => {
          emails.add(a);
          taken.push([s, e]);
          records++;
        });
        cardsIn(cell, (d, s, e) => {
          if (taken.some(([ts, te]) => s < te && e > ts)) return;
          cards.add(d);
          taken.push([s, e]);
          records++;
        });
        if (!/\d{2}/.test(cell.replace(/[\s().-]/g, ''))) continue;
        for (const m of findPhoneNumbersInText(cell, { defaultCountry: DEFAULT_PII_REGION })) {
          if (taken.some(([ts, te]) => m.startsAt < te && m.endsAt > ts)) continue;
          phones.add(m.number.number);
          records++;
        }
      }
      if (records > 0) recordLines++;
    }
  }
  const counts: PiiCounts = { phones: phones.size, emails: emails.size, cards: cards.size, passwordPairs: pairs.size };
  const kinds = (Object.keys(counts) as PiiKind[]).filter((k) => counts[k] > 0);
  const leak = Object.values(counts).some((n) => n >= threshold) || recordLines >= threshold;
  return { verdict: leak ? 'leak' : 'none', counts, kinds, recordLines, truncated };
}

/**
 * A cheap test at publishing, before a job is written: could this text hold `threshold` records at all?
 * Every record needs an `@`, a `:` or at least four digits, so a text with fewer cannot be a leak.
 */
export function mayHoldPii(text: string, threshold = DEFAULT_PII_THRESHOLD): boolean {
  let digits = 0;
  let marks = 0;
  const n = Math.min(text.length, MAX_PII_TEXT);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) digits++;
    else if (c === 64 || c === 58) marks++;
  }
  return Math.floor(digits / 4) + marks >= threshold;
}
