// Sends batches of statements of reasons to a DSA Transparency Database (POST /api/v1/statements,
// Bearer token), safe to run again: every statement the database accepted is recorded
// (`dsa_submissions`) before the next batch goes, and statements already recorded are never sent again.
// Transient failures (no answer, 408, 429, 5xx) are retried with backoff; any other refusal stops the
// export with the server's message. A refusal naming only duplicate puids means the database already
// holds those statements (an earlier run's answer was lost): they are recorded as accepted, the rest resent.
import { backoffMs } from '../jobs/backoff.ts';
import { nowIso } from '../shared/time.ts';
import type { DsaExportRepository } from './dsa-export.repository.ts';
import type { DsaStatement } from './dsa-statement.ts';

export interface SubmitOptions {
  /** The database's base URL (e.g. https://transparency.dsa.ec.europa.eu) or its statements endpoint. */
  url: string;
  token: string;
  /** Attempts per request before giving up on transient failures. */
  attempts?: number;
  /** The first retry's step in milliseconds (doubled each time, with jitter). */
  retryBaseMs?: number;
  timeoutMs?: number;
}

export class SubmitError extends Error {}

export interface SubmitTally {
  sent: number;
  created: number;
  duplicates: number;
  alreadyAccepted: number;
  retries: number;
}

/** The statements endpoint of `url`, and the target its acceptances are recorded under (its origin). */
export function submitTarget(url: string): { endpoint: string; target: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SubmitError(`--submit: "${url}" is not a URL`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new SubmitError('--submit: the URL must be http(s)');
  const path = u.pathname.replace(/\/+$/, '');
  const endpoint = path.endsWith('/api/v1/statements') ? `${u.origin}${path}` : `${u.origin}${path}/api/v1/statements`;
  return { endpoint, target: u.origin };
}

const MAX_MESSAGE = 2000;
const clip = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s);
const DUPLICATE = /unique|exist|already|duplicate/i;

type Answer =
  | { kind: 'created' }
  | { kind: 'duplicates'; indexes: number[] }
  | { kind: 'transient'; message: string; waitMs?: number }
  | { kind: 'refused'; message: string };

export class DsaSubmitter {
  #repo: DsaExportRepository;
  #endpoint: string;
  #target: string;
  #token: string;
  #attempts: number;
  #retryBaseMs: number;
  #timeoutMs: number;
  readonly tally: SubmitTally = { sent: 0, created: 0, duplicates: 0, alreadyAccepted: 0, retries: 0 };

  constructor(repo: DsaExportRepository, opts: SubmitOptions) {
    const { endpoint, target } = submitTarget(opts.url);
    if (!opts.token) throw new SubmitError('--submit needs --token (or VIGIL_DSA_TOKEN)');
    this.#repo = repo;
    this.#endpoint = endpoint;
    this.#target = target;
    this.#token = opts.token;
    this.#attempts = opts.attempts ?? 6;
    this.#retryBaseMs = opts.retryBaseMs ?? 1000;
    this.#timeoutMs = opts.timeoutMs ?? 60_000;
  }

  get target(): string {
    return this.#target;
  }

  /** Sends what of `batch` the database has not accepted yet; returns when all of it is accepted. */
  async submit(batch: DsaStatement[], batchNo: number): Promise<void> {
    const accepted = await this.#repo.acceptedAmong(
      this.#target,
      batch.map((s) => s.puid),
    );
    let pending = batch.filter((s) => !accepted.has(s.puid));
    this.tally.alreadyAccepted += batch.length - pending.length;
    while (pending.length > 0) {
      const answer = await this.#send(pending, batchNo);
      if (answer.kind === 'created') {
        await this.#record(pending, 'created');
        this.tally.created += pending.length;
        return;
      }
      if (answer.kind === 'refused') throw new SubmitError(`batch ${batchNo}: ${answer.message}`);
      const held = new Set(answer.indexes);
      await this.#record(
        pending.filter((_, i) => held.has(i)),
        'duplicate',
      );
      this.tally.duplicates += held.size;
      pending = pending.filter((_, i) => !held.has(i));
    }
  }

  async #record(statements: DsaStatement[], answer: 'created' | 'duplicate'): Promise<void> {
    const at = nowIso();
    await this.#repo.recordAccepted(statements.map((s) => ({ target: this.#target, puid: s.puid, decision_id: s.puid, answer, accepted_at: at })));
  }

  async #send(statements: DsaStatement[], batchNo: number): Promise<Exclude<Answer, { kind: 'transient' }>> {
    for (let attempt = 1; ; attempt++) {
      this.tally.sent += statements.length;
      const answer = await this.#post(statements);
      if (answer.kind !== 'transient') return answer;
      if (attempt >= this.#attempts) throw new SubmitError(`batch ${batchNo}: gave up after ${attempt} attempts: ${answer.message}`);
      this.tally.retries++;
      const wait = Math.max(answer.waitMs ?? 0, backoffMs(attempt, this.#retryBaseMs, 5 * 60_000));
      process.stderr.write(`batch ${batchNo}: ${answer.message}; retrying in ${Math.round(wait / 100) / 10}s\n`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  async #post(statements: DsaStatement[]): Promise<Answer> {
    let res: Response;
    try {
      res = await fetch(this.#endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.#token}`, accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({ statements }),
        redirect: 'error',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (err) {
      return { kind: 'transient', message: `no answer (${err instanceof Error ? err.message : String(err)})` };
    }
    const text = await res.text().catch(() => '');
    if (res.status === 200 || res.status === 201) return { kind: 'created' };
    if (res.status === 408 || res.status === 429 || res.status >= 500) {
      const retryAfter = Number(res.headers.get('retry-after'));
      return { kind: 'transient', message: `HTTP ${res.status}`, ...(retryAfter > 0 ? { waitMs: Math.min(retryAfter, 300) * 1000 } : {}) };
    }
    const body = parseJson(text);
    const duplicates = duplicateIndexes(body, statements.length);
    if (duplicates) return { kind: 'duplicates', indexes: duplicates };
    return { kind: 'refused', message: clip(`the database refused it (HTTP ${res.status}): ${describe(body, text)}`) };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The statements a 422 answer refuses only because their puid is already in the database
 * (`errors: {"statements.3.puid": ["… not unique …"]}`, or `puid` for a batch of one); undefined when
 * the answer refuses anything else.
 */
export function duplicateIndexes(body: unknown, count: number): number[] | undefined {
  if (!isRecord(body) || !isRecord(body.errors)) return undefined;
  const indexes: number[] = [];
  for (const [field, messages] of Object.entries(body.errors)) {
    const m = /^(?:statements\.(\d+)\.)?puid$/.exec(field);
    const said = Array.isArray(messages) ? messages.join(' ') : String(messages);
    if (!m || !DUPLICATE.test(said)) return undefined;
    const i = m[1] === undefined ? 0 : Number(m[1]);
    if (i >= count || (m[1] === undefined && count !== 1)) return undefined;
    indexes.push(i);
  }
  return indexes.length > 0 ? indexes : undefined;
}

function describe(body: unknown, text: string): string {
  if (!isRecord(body)) return text.trim() || '(no message)';
  const message = typeof body.message === 'string' ? body.message : '';
  const errors = isRecord(body.errors)
    ? Object.entries(body.errors)
        .slice(0, 10)
        .map(([field, m]) => `${field}: ${Array.isArray(m) ? m.join(' ') : String(m)}`)
        .join('; ')
    : '';
  return [message, errors].filter(Boolean).join(' — ') || text.trim() || '(no message)';
}
