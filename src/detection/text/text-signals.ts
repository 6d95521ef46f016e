// Text rules on published public content, as durable jobs: publishing enqueues a `signals.text` job in
// its own transaction (never for private groups or chats, which never call this), and the job evaluates
// the rules in force when it runs. A live rule's hit files an automated report that opens or joins the
// case, and appends a `signal` case event naming rule, category, score and excerpt; a shadow rule's hit
// is only recorded (rule_hits). The same job runs the personal-data leak detector (pii.ts) on the text, rules
// or none: a leak files an automated report in the personal-data category with a `signal` event carrying
// counts and kinds only. A post's attached text files (txt, csv, json) are read through the platform port,
// each cut to its first 2 MB, and counted with its text. Nothing here blocks publishing.
//
// The rules read the text in the subject's detected language (src/shared/language.ts), as stored with the
// content when it was written: a known language reads its own keyword lists and skips rules that do not
// name it; an undetermined one (short or unclear text) reads every list. Publishing passes the stored
// language; a target without one, or a job queued before languages were passed, is detected from its text.
import type { Db } from '../../db/database.ts';
import type { RuleHitsTable } from '../../db/schema-signals.ts';
import { appendEvent } from '../../cases/case-log.ts';
import type { ReportsService } from '../../intake/reports.service.ts';
import type { Reporter } from '../../intake/reporter.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { newId } from '../../shared/ids.ts';
import { REFERENCE_PLATFORM } from '../../shared/platforms.ts';
import { detectLanguage } from '../../shared/language.ts';
import { nowIso } from '../../shared/time.ts';
import type { PublicSubjectKind } from '../../subjects/kinds.ts';
import type { PostTextFile } from '../../subjects/platform-port.ts';
import type { Subjects } from '../../subjects/subjects.ts';
import type { HoldTarget } from '../publish-scan.ts';
import { DEFAULT_PII_THRESHOLD, detectPii, detectPiiInSlices, mayHoldPii, PII_KINDS, type PiiCounts, type PiiResult } from './pii.ts';
import { RuleHitsRepository } from './rule-hits.repository.ts';
import { FingerprintsRepository } from './fingerprints.repository.ts';
import { fingerprintPublished, runMirrors } from './mirror-signals.ts';
import type { RuleField } from './rule-schema.ts';
import type { RuleSet } from './rule-set.ts';
import type { TextItem } from './rules.ts';

export const TEXT_SIGNALS_JOB = 'signals.text';

const AUTOMATED: Reporter = { source: 'automated', key: 'auto:text-rules', accountId: null, label: 'text rules', country: null };
const AUTOMATED_PII: Reporter = { source: 'automated', key: 'auto:pii', accountId: null, label: 'personal-data detector', country: null };
/** The policy category of personal-data leaks (policy/policy.json). */
export const PII_CATEGORY = 'personal_data';
/** The detector's hits share rule_hits with the rules under this id, which no rule can take (the rule schema allows no `:`). */
const PII_HIT_RULE = 'pii:personal_data_leak';
/** How much of an attached text file is read: its first 2 MB. */
export const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;

/** The signal the detector raises for a leak: counts and kinds, never the records. */
export interface PiiSignal {
  source: 'pii';
  kind: 'personal_data_leak';
  category: typeof PII_CATEGORY;
  /** Distinct records of each kind, in the text and the attached text files together. */
  counts: PiiCounts;
  /** The attached text files read, when there were any. */
  files?: number;
}

/** The texts of an item read by the detector, as one text. */
export function itemText(item: TextItem): string {
  return Object.values(item.fields)
    .filter((t): t is string => t !== undefined && t.trim() !== '')
    .join('\n');
}

/** The detector's signal for an item, or null when its text is not a leak (or the detector is off, threshold 0). */
export function piiSignal(item: TextItem, threshold = DEFAULT_PII_THRESHOLD): PiiSignal | null {
  return threshold <= 0 ? null : leakSignal([detectPii(itemText(item), { threshold })], 0);
}

/**
 * The signal for an item and its attached text files, read in slices (a file may be 2 MB). Each text is
 * judged on its own; the counts add up.
 */
export async function piiSignalWithFiles(item: TextItem, threshold: number, files: PostTextFile[]): Promise<PiiSignal | null> {
  if (threshold <= 0) return null;
  const results = [detectPii(itemText(item), { threshold })];
  for (const f of files) results.push(await detectPiiInSlices(f.text, { threshold, maxChars: MAX_TEXT_FILE_BYTES }));
  return leakSignal(results, files.length);
}

function leakSignal(results: PiiResult[], files: number): PiiSignal | null {
  if (!results.some((r) => r.verdict === 'leak')) return null;
  const counts = Object.fromEntries(PII_KINDS.map((k) => [k, results.reduce((n, r) => n + r.counts[k], 0)])) as PiiCounts; // every kind, built from PII_KINDS
  return { source: 'pii', kind: 'personal_data_leak', category: PII_CATEGORY, counts, ...(files > 0 ? { files } : {}) };
}

/** What published: the item whose text is read, and the subject whose case a live rule's report opens or joins. */
export interface TextTarget {
  subject: { kind: PublicSubjectKind; id: string };
  caseSubject: HoldTarget['caseSubject'];
  postId?: string;
  /** A connected platform's name; absent for the reference platform. */
  platform?: string;
  /** Vigil's id of `caseSubject` when that names it by the platform's own id. */
  caseSubjectId?: string;
  /** The owner as cases name owners (a connected platform's `<platform>:<owner id>`), for mirror signals. */
  ownerId?: string;
  /** SHA-256 digests of the media published with the text, for mirror signals. */
  media?: string[];
  /** The post carries text files (txt, csv, json): the leak detector reads them through the platform port. */
  textFiles?: boolean;
  /**
   * The subject's language as stored when it was written (`language` of posts, channels, bots, sticker
   * sets, connected content), null when detection could not tell. Absent from a target: detected from
   * the texts when the job is queued (or from the item's own `lang`); absent from a job queued before
   * languages were passed: detected when it runs.
   */
  language?: string | null;
}

export interface TextSignalsJob extends TextTarget {
  /** Unique per publication: the report's Idempotency-Key and the hits' ids derive from it. */
  key: string;
  item: TextItem;
  /** The text's SimHash and external links, taken when it was published (absent in jobs queued before them). */
  fingerprint?: string | null;
  links?: string[];
}

/** The language the rules read an item in: the one given, else the item's own, else detected from its texts. */
export function jobLanguage(job: Pick<TextSignalsJob, 'language' | 'item'>): string | null {
  if (job.language !== undefined) return job.language;
  return job.item.lang ?? detectLanguage(itemText(job.item));
}

export class TextSignals {
  #db: Db;
  #rules: RuleSet;
  #reports: ReportsService;
  #jobs: JobQueue;
  #piiThreshold: number;
  #subjects: Subjects | undefined;
  constructor(opts: { db: Db; rules: RuleSet; reports: ReportsService; jobs: JobQueue; subjects?: Subjects; piiThreshold?: number }) {
    this.#db = opts.db;
    this.#subjects = opts.subjects;
    this.#piiThreshold = opts.piiThreshold ?? DEFAULT_PII_THRESHOLD;
    this.#rules = opts.rules;
    this.#reports = opts.reports;
    this.#jobs = opts.jobs;
  }

  get rules(): RuleSet {
    return this.#rules;
  }

  /**
   * In the publishing transaction: the job that evaluates the rules and the leak detector on this item's
   * text. Nothing when there is no text, or when no shadow or live rule exists and the text is too short
   * to hold a leak (one pass counting digits, `@` and `:`), so ordinary posts cost no job. A post with
   * text files always gets one while the detector is on.
   */
  async enqueue(trx: Db, target: TextTarget, item: TextItem): Promise<boolean> {
    const text = itemText(item);
    // Every public text's fingerprint is kept, so a later block can index what its subject published.
    const print = await fingerprintPublished(trx, target, item);
    const comparable = print.fingerprint !== null || print.links.length > 0 || (target.media?.length ?? 0) > 0 || target.ownerId !== undefined;
    const mirrors = comparable && (await new FingerprintsRepository(trx).anyIndexed());
    const files = target.textFiles === true && this.#piiThreshold > 0;
    if (text === '' && !mirrors && !files) return false;
    const rules = text !== '' && this.#rules.rules.some((c) => c.rule.state !== 'draft');
    if (!rules && !mirrors && !files && !(this.#piiThreshold > 0 && mayHoldPii(text, this.#piiThreshold))) return false;
    const language = jobLanguage({ language: target.language, item });
    const job: TextSignalsJob = { ...target, key: newId('sig'), item, ...print, language };
    await this.#jobs.enqueue(trx, TEXT_SIGNALS_JOB, job, { dedupeKey: `${TEXT_SIGNALS_JOB}:${job.key}` });
    return true;
  }

  committed(): void {
    this.#jobs.wake();
  }

  /** The job's work. Idempotent: the report's Idempotency-Key and the hit's id derive from the job's key and the rule. */
  async run(job: TextSignalsJob): Promise<void> {
    await this.#runRules(job);
    await this.#runPii(job);
    await runMirrors(this.#db, this.#reports, job);
  }

  async #runRules(job: TextSignalsJob): Promise<void> {
    const platform = job.platform ?? REFERENCE_PLATFORM;
    const language = jobLanguage(job);
    for (const s of this.#rules.evaluate({ ...job.item, lang: language ?? undefined })) {
      const hit = {
        id: `${job.key}:${s.rule}`,
        rule_id: s.rule,
        state: s.state,
        category: s.category,
        score: s.score,
        platform,
        subject_kind: job.subject.kind,
        subject_id: job.subject.id,
        field: s.field,
        excerpt: s.excerpt,
        case_id: null,
        created_at: nowIso(),
      };
      if (s.state === 'shadow') {
        await new RuleHitsRepository(this.#db).insert(hit);
        continue;
      }
      const subject = job.platform ? { ...job.caseSubject, platform: job.platform } : job.caseSubject;
      const ack = await this.#reports.submit(
        {
          subject,
          category: s.category,
          explanation: `Automated text rule ${s.rule} (score ${s.score}) matched: ${s.excerpt}`,
          postIds: job.postId ? [job.postId] : undefined,
        },
        AUTOMATED,
        hit.id,
      );
      if (!ack.caseId) continue;
      const caseId = ack.caseId;
      await this.#db.transaction().execute(async (trx) => {
        // The hit and the case event go together, once: a second run finds the hit and adds nothing.
        if (!(await new RuleHitsRepository(trx).insert({ ...hit, case_id: caseId }))) return;
        await appendEvent(trx, caseId, {
          kind: 'signal',
          actor: 'system:text-rules',
          at: hit.created_at,
          data: {
            type: 'text_rule',
            rule: s.rule,
            category: s.category,
            score: s.score,
            field: s.field,
            excerpt: s.excerpt,
            postId: job.postId ?? null,
          },
        });
      });
    }
  }

  /** A leak files an automated report in the personal-data category and one `signal` event with the counts; like a live rule's hit, once per job. */
  async #runPii(job: TextSignalsJob): Promise<void> {
    const files =
      job.textFiles && job.postId && this.#subjects && this.#piiThreshold > 0
        ? await this.#subjects.textFilesOfPost(this.#db, job.platform ?? REFERENCE_PLATFORM, job.postId, MAX_TEXT_FILE_BYTES)
        : [];
    const signal = await piiSignalWithFiles(job.item, this.#piiThreshold, files);
    if (!signal) return;
    const c = signal.counts;
    const summary = `${signal.files ? `${signal.files} text ${signal.files === 1 ? 'file' : 'files'} read; ` : ''}phones ${c.phones}, e-mails ${c.emails}, cards ${c.cards}, password pairs ${c.passwordPairs}, national ids ${c.nationalIds}, passports ${c.passports}, addresses ${c.addresses}`;
    const hit: RuleHitsTable = {
      id: `${job.key}:${PII_HIT_RULE}`,
      rule_id: PII_HIT_RULE,
      state: 'live',
      category: signal.category,
      score: 1,
      platform: job.platform ?? REFERENCE_PLATFORM,
      subject_kind: job.subject.kind,
      subject_id: job.subject.id,
      field: job.item.fields.post_text !== undefined ? 'post_text' : ((Object.keys(job.item.fields)[0] as RuleField | undefined) ?? 'post_text'),
      excerpt: summary,
      case_id: null,
      created_at: nowIso(),
    };
    const subject = job.platform ? { ...job.caseSubject, platform: job.platform } : job.caseSubject;
    const ack = await this.#reports.submit(
      {
        subject,
        category: signal.category,
        explanation: `Automated personal-data detector: the text looks like a table of personal records (${summary}).`,
        postIds: job.postId ? [job.postId] : undefined,
      },
      AUTOMATED_PII,
      hit.id,
    );
    if (!ack.caseId) return;
    const caseId = ack.caseId;
    await this.#db.transaction().execute(async (trx) => {
      if (!(await new RuleHitsRepository(trx).insert({ ...hit, case_id: caseId }))) return;
      await appendEvent(trx, caseId, {
        kind: 'signal',
        actor: 'system:pii',
        at: hit.created_at,
        data: { type: signal.kind, ...signal, postId: job.postId ?? null },
      });
    });
  }
}
