// Personal-data leaks: counts the personal records a text holds (phone numbers, e-mail addresses,
// payment card numbers, user:password pairs, national identity numbers, passport numbers from machine-
// readable zones, street addresses) and says whether it looks like a table of them. Pure and
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

export const PII_KINDS = ['phones', 'emails', 'cards', 'passwordPairs', 'nationalIds', 'passports', 'addresses'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export type PiiCounts = Record<PiiKind, number>;

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

/**
 * Turkish identity numbers (T.C. Kimlik No): 11 digits, the first not 0; the 10th is
 * ((d1+d3+d5+d7+d9)·7 − (d2+d4+d6+d8)) mod 10 and the 11th the sum of the first ten mod 10.
 */
export function tcKimlikValid(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const odd = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0) + (d[6] ?? 0) + (d[8] ?? 0);
  const even = (d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0) + (d[7] ?? 0);
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const first10 = d.slice(0, 10).reduce((a, b) => a + b, 0);
  return d[9] === tenth && d[10] === first10 % 10;
}

/** The ICAO 9303 check digit of a machine-readable-zone field: weights 7, 3, 1; `<` is 0, A–Z are 10–35. */
export function mrzCheckDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += v * (weights[i % 3] ?? 1);
  }
  return sum % 10;
}

const MRZ_TD3_LINE2 = /^[A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z0-9<]{14}[0-9<][0-9]$/;

/**
 * The document number of a passport's machine-readable zone (ICAO 9303 TD3, second line of 44 characters)
 * when the line's check digits hold: document number, birth date, expiry date and the composite; else null.
 */
export function mrzPassport(line: string): string | null {
  if (line.length !== 44 || !MRZ_TD3_LINE2.test(line)) return null;
  const digit = (i: number) => line.charCodeAt(i) - 48;
  const ok =
    mrzCheckDigit(line.slice(0, 9)) === digit(9) &&
    mrzCheckDigit(line.slice(13, 19)) === digit(19) &&
    mrzCheckDigit(line.slice(21, 27)) === digit(27) &&
    mrzCheckDigit(line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43)) === digit(43);
  return ok ? `${line.slice(10, 13)}:${line.slice(0, 9)}` : null;
}

/**
 * Words naming a national identity number, in a line or a table's header: the Iraqi unified national card
 * (البطاقة الوطنية الموحدة) has 12 digits and no published check digit, so a bare 12-digit number is
 * counted only under such a label.
 */
const NATIONAL_ID_LABEL =
  /national[\s_-]*(?:id|card|number|no)|\bnid\b|\bid[\s_-]*(?:no|number|card)\b|البطاقة\s*الوطنية|الرقم\s*الوطني|رقم\s*البطاقة|رقم\s*الهوية|کارت\s*ملی|کد\s*ملی|kimlik/i;

/** Digit runs of a cell standing alone (no digit, `+` or letter joined to them), with where they start and end. */
function digitRuns(text: string, out: (digits: string, start: number, end: number) => void): void {
  for (const m of text.matchAll(/(?<![\d+\p{L}])\d{11,12}(?![\d\p{L}])/gu)) out(m[0], m.index, m.index + m[0].length);
}

/**
 * Street addresses, conservatively: a street word followed by a number ("محلة 905 زقاق 12 دار 7",
 * "Street 14", "house no. 7") or a number, one to three words and a street word ("221 Baker Street").
 * One address per cell at most; bounded patterns without nested repetition, so linear in the cell.
 */
const ADDRESS_AR = /(?<![\p{L}\p{N}])(?:شارع|محلة|زقاق|دار|کوچه|خیابان|کۆڵان)\s{0,3}(?:رقم\s{0,3})?[.:#]?\s{0,3}\d{1,5}(?!\d)/u;
const ADDRESS_EN = /\b(?:street|st\.|road|rd\.|avenue|ave\.|alley|lane|house|bldg\.?|building)\s{0,3}(?:no\.?\s{0,3}|#\s{0,3})?\d{1,5}\b/i;
const ADDRESS_EN_NUMBER_FIRST =
  /\b\d{1,5}[a-z]?\s{1,3}(?:[a-z][a-z'-]{0,30}\s{1,3}){1,3}(?:street|st\b\.?|road|rd\b\.?|avenue|ave\b\.?|lane|boulevard|blvd\b\.?)/i;

function addressIn(cell: string): string | null {
  const m = ADDRESS_AR.exec(cell) ?? ADDRESS_EN.exec(cell) ?? ADDRESS_EN_NUMBER_FIRST.exec(cell);
  return m ? cell.trim().toLowerCase().replace(/\s+/g, ' ') : null;
}

/** Arabic-Indic and Persian digits read as ASCII ones, as people write phone numbers in either. */
function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
}

const SEPARATORS = /[,;|\t]/;

/** Counts the personal records in `text` and says whether it looks like a table of them. */
export function detectPii(text: string, opts: PiiOptions = {}): PiiResult {
  const run = scanPii(text, opts);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/**
 * detectPii for long texts (attached files): the same count, handing the event loop back every
 * SLICE_LINES lines, so a 2 MB table delays nothing else by more than a few milliseconds at a time.
 */
export async function detectPiiInSlices(text: string, opts: PiiOptions = {}): Promise<PiiResult> {
  const run = scanPii(text, opts);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Lines read between two hand-backs of the event loop (a few milliseconds of phone-number parsing). */
const SLICE_LINES = 20;

function* scanPii(text: string, opts: PiiOptions): Generator<void, PiiResult> {
  const threshold = opts.threshold ?? DEFAULT_PII_THRESHOLD;
  const maxChars = opts.maxChars ?? MAX_PII_TEXT;
  const truncated = text.length > maxChars;
  const scanned = foldDigits(truncated ? text.slice(0, maxChars) : text);
  const phones = new Set<string>();
  const emails = new Set<string>();
  const cards = new Set<string>();
  const pairs = new Set<string>();
  const nationalIds = new Set<string>();
  const passports = new Set<string>();
  const addresses = new Set<string>();
  let recordLines = 0;
  /** Columns a table's header (a line of cells, one labelled and holding no digit) names as national identity numbers. */
  let idColumns = new Set<number>();
  let lines = 0;
  for (const whole of scanned.split('\n')) {
    if (++lines % SLICE_LINES === 0) yield;
    for (let off = 0; off < whole.length; off += MAX_LINE) {
      const line = whole.slice(off, off + MAX_LINE);
      let records = 0;
      const mrz = mrzPassport(line.trim());
      if (mrz !== null) {
        passports.add(mrz);
        recordLines++;
        continue;
      }
      const cellsOfLine = line.split(SEPARATORS);
      if (cellsOfLine.length > 1) {
        const header = cellsOfLine.flatMap((c, i) => (NATIONAL_ID_LABEL.test(c) && !/\d/.test(c) ? [i] : []));
        if (header.length > 0) idColumns = new Set(header);
      }
      const labelled = NATIONAL_ID_LABEL.test(line);
      const pair = passwordPair(line);
      if (pair !== null) {
        pairs.add(pair);
        records++;
      }
      // Cells are read apart so that a row number or an id before a phone number ("17,0770…") is not taken as part of it.
      for (const [column, cell] of cellsOfLine.entries()) {
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
        // Identity numbers before phone numbers: an 11-digit T.C. number passing its checksum, or a 12-digit one under a label.
        digitRuns(cell, (d, s, e) => {
          if (taken.some(([ts, te]) => s < te && e > ts)) return;
          const iraqi = d.length === 12 && (labelled || idColumns.has(column));
          if (!iraqi && !(d.length === 11 && tcKimlikValid(d))) return;
          nationalIds.add(d);
          taken.push([s, e]);
          records++;
        });
        const address = addressIn(cell);
        if (address !== null) {
          addresses.add(address);
          records++;
        }
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
  const counts: PiiCounts = {
    phones: phones.size,
    emails: emails.size,
    cards: cards.size,
    passwordPairs: pairs.size,
    nationalIds: nationalIds.size,
    passports: passports.size,
    addresses: addresses.size,
  };
  const kinds = PII_KINDS.filter((k) => counts[k] > 0);
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
