// Scans public media on upload against the hash banks. PDQ for images (quality ≥ 50 only), MD5 and
// SHA-256 for every file. A terrorism or CSAM match keeps the content from the public and tells the
// publisher it can't be published; an NCII match holds it for review; any match opens or joins a
// case with an automated signal naming bank, entry and distance. The report is a job enqueued with the
// hold (jobs/), filed by `fileReport` after the commit, once however often the job runs.
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { MediaTable } from '../db/schema.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/time.ts';
import { IMAGE_TYPES } from './image-types.ts';
import type { HoldTarget, PublishScanner, ScanResult, ScanSurface } from './publish-scan.ts';
import { EnforcementRepository } from '../enforcement/enforcement.repository.ts';
import type { ReportsService } from '../intake/reports.service.ts';
import type { Reporter } from '../intake/reporter.ts';
import { appendEvent } from '../cases/case-log.ts';
import { BanksRepository } from './banks.repository.ts';
import type { HashMatcher, Match } from './hash-matcher.ts';
import type { DecodePool } from './decode-pool.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { noWebhooks, type WebhookEmitter, webhookSubject } from '../enforcement/webhook-events.ts';
import { REFERENCE_PLATFORM } from '../shared/platforms.ts';
import type { TextSignals, TextTarget } from './text/text-signals.ts';
import type { TextItem } from './text/rules.ts';
import { heldNotice } from '../policy/policy-text.ts';

const AUTOMATED: Reporter = { source: 'automated', key: 'auto:hash-matcher', accountId: null, label: 'hash matcher', country: null };
const BLOCKING = new Set(['terrorism', 'csam']);

interface Hit {
  mediaId: string;
  match: Match;
  entryId: string;
  bankName: string;
}
/** The job that files the automated report about held content and links the hold to its case. */
export const AUTOMATED_REPORT_JOB = 'detection.automated_report';

export interface AutomatedReportJob extends HoldTarget {
  verdict: ScanResult['verdict'];
  details: Details;
}

export interface Details {
  hits: Hit[];
  surface: ScanSurface;
  category: string;
  timedOut: boolean;
}

/** The hashes a scan matches: PDQ (images only), MD5 and SHA-256. */
export interface MediaDigests {
  pdq: { hash: string; quality: number } | undefined;
  md5: string;
  sha256: string;
}

interface ScanItem {
  mediaId: string;
  hashes: () => Promise<MediaDigests>;
}

/** A verdict's cause as a publisher may learn it (see `signalsOf`). */
export type PublicSignal = { type: 'hash_match'; mediaId: string; category: string; match: string } | { type: 'scan_timeout' };

/** Where the scanner reads media from: the platform's media store. */
export interface MediaSource {
  /** The PDQ hash computed when the file was uploaded and decoded, if still kept; taken once. */
  takeUploadPdq(id: string): { hash: string; quality: number } | undefined;
  content(m: MediaTable): Promise<Uint8Array>;
}

/** Told how long each scan took (decode when needed, PDQ and match), timed-out ones included. */
export type ScanListener = (seconds: number, surface: ScanSurface) => void;

export class ContentScanner implements PublishScanner {
  #scanListeners = new Set<ScanListener>();
  #db: Db;
  #matcher: HashMatcher;
  #media: MediaSource;
  #reports: ReportsService;
  #budgetMs: number;
  #logger: Logger;
  #pool: DecodePool;
  #jobs: JobQueue;
  #webhooks: WebhookEmitter;
  #text: TextSignals | undefined;
  constructor(opts: {
    db: Db;
    matcher: HashMatcher;
    media: MediaSource;
    reports: ReportsService;
    budgetMs: number;
    logger: Logger;
    decodePool: DecodePool;
    jobs: JobQueue;
    webhooks?: WebhookEmitter;
    textSignals?: TextSignals;
  }) {
    this.#text = opts.textSignals;
    this.#webhooks = opts.webhooks ?? noWebhooks;
    this.#pool = opts.decodePool;
    this.#jobs = opts.jobs;
    this.#db = opts.db;
    this.#matcher = opts.matcher;
    this.#media = opts.media;
    this.#reports = opts.reports;
    this.#budgetMs = opts.budgetMs;
    this.#logger = opts.logger;
  }

  /**
   * The PDQ hash of a stored image, computed once and kept: from the upload's own decode when it is still
   * held in memory, else decoded now in the pool. Pass the caller's transaction when in one.
   */
  async pdqOf(m: MediaTable, db: Db = this.#db): Promise<{ hash: string; quality: number } | undefined> {
    if (!IMAGE_TYPES.has(m.mime)) return undefined;
    const repo = new BanksRepository(db);
    const [known] = await repo.mediaHashes([m.id]);
    if (known) return known.pdq ? { hash: known.pdq, quality: known.pdq_quality ?? 0 } : undefined;
    const r = this.#media.takeUploadPdq(m.id) ?? (await this.#pool.pdq(await this.#media.content(m)));
    await repo.saveMediaHash(m.id, r.hash, r.quality, nowIso());
    return { hash: r.hash, quality: r.quality };
  }

  /** Subscribes to scan timings (the metrics registry does, so this module needs none); returns an unsubscribe. */
  onScanned(listener: ScanListener): () => void {
    this.#scanListeners.add(listener);
    return () => this.#scanListeners.delete(listener);
  }

  async scan(media: MediaTable[], surface: ScanSurface): Promise<ScanResult> {
    if (media.length === 0 || (this.#matcher.size === 0 && media.every((m) => !IMAGE_TYPES.has(m.mime)))) return { verdict: 'allow', details: null };
    return this.#scanWithin(
      media.map((m) => ({ mediaId: m.id, hashes: async () => ({ pdq: await this.pdqOf(m), md5: m.md5, sha256: m.sha256 }) })),
      surface,
    );
  }

  /**
   * Scans media whose hashes are already known (a connected platform's registration decoded and hashed
   * them in the pool): only the match runs, within the same time budget.
   */
  async scanHashes(media: Array<{ mediaId: string } & MediaDigests>, surface: ScanSurface): Promise<ScanResult> {
    if (media.length === 0 || this.#matcher.size === 0) return { verdict: 'allow', details: null };
    return this.#scanWithin(
      media.map((m) => ({ mediaId: m.mediaId, hashes: async () => m })),
      surface,
    );
  }

  /**
   * What a publisher may be told about a verdict: the bank category and the kind of match of each hit, or
   * that the scan ran out of time. Never the bank, the entry or the distance, which would help tune a
   * copy until it no longer matches.
   */
  signalsOf(result: ScanResult): PublicSignal[] {
    const d = result.details as Details | null;
    if (!d) return [];
    if (d.timedOut) return [{ type: 'scan_timeout' }];
    const seen = new Set<string>();
    const signals: PublicSignal[] = [];
    for (const h of d.hits) {
      const key = `${h.mediaId}|${h.match.category}|${h.match.signalType}`;
      if (seen.has(key)) continue;
      seen.add(key);
      signals.push({ type: 'hash_match', mediaId: h.mediaId, category: h.match.category, match: h.match.signalType });
    }
    return signals;
  }

  async #scanWithin(media: ScanItem[], surface: ScanSurface): Promise<ScanResult> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#budgetMs);
    });
    const work = this.#match(media);
    const result = await Promise.race([work, timeout]).finally(() => clearTimeout(timer));
    const seconds = (performance.now() - started) / 1000;
    for (const listener of this.#scanListeners) listener(seconds, surface);
    if (result === 'timeout') {
      // Fail safe: content we could not check in time waits for a person rather than going out unchecked.
      this.#logger.warn({ surface, media: media.map((m) => m.mediaId), budgetMs: this.#budgetMs }, 'scan exceeded its time budget; holding for review');
      work.catch(() => {});
      return {
        verdict: 'hold',
        reason: 'It is waiting for a safety check.',
        details: { hits: [], surface, category: 'other', timedOut: true } satisfies Details,
      };
    }
    if (result.length === 0) return { verdict: 'allow', details: null };
    const category = ['csam', 'terrorism', 'ncii', 'other'].find((c) => result.some((h) => h.match.category === c)) ?? 'other';
    const details: Details = { hits: result, surface, category, timedOut: false };
    if (BLOCKING.has(category)) return { verdict: 'block', reason: 'It matches content that is not allowed on this platform.', details };
    return { verdict: 'hold', reason: 'It is waiting for review.', details };
  }

  async #match(media: ScanItem[]): Promise<Hit[]> {
    const hits: Array<{ mediaId: string; match: Match }> = [];
    for (const m of media) {
      const h = await m.hashes();
      for (const match of this.#matcher.match({ pdq: h.pdq, md5: h.md5, sha256: h.sha256 })) hits.push({ mediaId: m.mediaId, match });
    }
    const entries = new Map((await new BanksRepository(this.#db).entriesByNums(hits.map((h) => h.match.num))).map((e) => [e.num, e]));
    // An entry that stopped being active since the index learnt it never counts.
    return hits.flatMap((h) => {
      const entry = entries.get(h.match.num);
      return entry?.status === 'active' ? [{ ...h, entryId: entry.id, bankName: entry.bank_name }] : [];
    });
  }

  async hold(trx: Db, result: ScanResult, target: HoldTarget): Promise<void> {
    const subject = target.hold;
    const holdId = newId('enf');
    await new EnforcementRepository(trx).insertAction({
      id: holdId,
      decision_id: null,
      case_id: null,
      subject_kind: subject.kind,
      subject_id: subject.id,
      code: 'held',
      category: null,
      country: null,
      notice_text: heldNotice(subject.kind),
      created_at: nowIso(),
      reversed_at: null,
    });
    const details = result.details;
    // The platform that published it is told what detection held back, in this transaction.
    const platform = target.platform ?? REFERENCE_PLATFORM;
    await this.#webhooks.emit(trx, {
      platform,
      type: 'content.held',
      key: `content.held:${holdId}`,
      subject: webhookSubject(platform, subject.kind, subject.id),
      data: {
        verdict: result.verdict,
        reason: details?.timedOut ? 'scan_timeout' : 'hash_match',
        category: details?.category ?? null,
        within: webhookSubject(platform, target.caseSubject.kind, target.caseSubjectId ?? target.caseSubject.id),
      },
    });
    if (!details) return;
    const report: AutomatedReportJob = {
      verdict: result.verdict,
      details,
      hold: subject,
      caseSubject: target.caseSubject,
      postId: target.postId,
      ...(target.platform ? { platform: target.platform } : {}),
      ...(target.key ? { key: target.key } : {}),
    };
    await this.#jobs.enqueue(trx, AUTOMATED_REPORT_JOB, report, { dedupeKey: reportKey(report) });
  }

  async signalText(trx: Db, target: TextTarget, item: TextItem): Promise<boolean> {
    return this.#text ? this.#text.enqueue(trx, target, item) : false;
  }

  committed(): void {
    this.#jobs.wake();
  }

  /**
   * The job's work: opens or joins the case with the automated report, then, in one transaction, links the
   * hold to the case and records the signal. Idempotent: the report carries an Idempotency-Key derived
   * from the hold, so a second run replays the first report; and the signal is recorded only by the
   * transaction that links the hold (a second run finds it linked and stops).
   */
  async fileReport(job: AutomatedReportJob): Promise<void> {
    const { details: d, caseSubject, postId } = job;
    const explanation = d.timedOut
      ? 'Automated scan could not finish within its time budget; the content is held until reviewed.'
      : `Automated hash match: ${d.hits.map((h) => `${h.bankName} (${h.match.signalType}, distance ${h.match.distance})`).join('; ')}.`;
    const category = d.category === 'other' ? 'other' : d.category;
    // A connected platform's subject is named by the platform's own id, as any reporter names it.
    const subject = job.platform ? { ...caseSubject, platform: job.platform } : caseSubject;
    const ack = await this.#reports.submit({ subject, category, explanation, postIds: postId ? [postId] : undefined }, AUTOMATED, reportKey(job));
    if (!ack.caseId) return;
    const caseId = ack.caseId;
    const at = nowIso();
    await this.#db.transaction().execute(async (trx) => {
      // Row locks (PostgreSQL) or the one writer (SQLite) make a concurrent second run wait, then link nothing.
      const linked = await new EnforcementRepository(trx).linkHolds(job.hold.id, caseId);
      if (linked === 0) return;
      const banks = new BanksRepository(trx);
      for (const h of d.hits) {
        await banks.insertMatch({
          id: newId('mm'),
          media_id: h.mediaId,
          entry_id: h.entryId,
          bank_id: h.match.bankId,
          signal_type: h.match.signalType,
          distance: h.match.distance,
          context: JSON.stringify({ surface: d.surface, subject: caseSubject, postId: postId ?? null }),
          verdict: job.verdict,
          case_id: caseId,
          created_at: at,
        });
      }
      await appendEvent(trx, caseId, {
        kind: 'signal',
        actor: 'system:hash-matcher',
        at,
        data: {
          type: d.timedOut ? 'scan_timeout' : 'hash_match',
          verdict: job.verdict,
          surface: d.surface,
          postId: postId ?? null,
          matches: d.hits.map((h) => ({
            bank: h.bankName,
            bankCategory: h.match.category,
            entryId: h.entryId,
            signalType: h.match.signalType,
            distance: h.match.distance,
            mediaId: h.mediaId,
          })),
        },
      });
    });
  }
}

/** The dedupe key of a hold's report job, and the Idempotency-Key of the report it files. */
const reportKey = (target: Pick<HoldTarget, 'hold' | 'key'>) => target.key ?? `automated_report:${target.hold.kind}:${target.hold.id}`;
