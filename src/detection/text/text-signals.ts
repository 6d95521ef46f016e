// Text rules on published public content, as durable jobs: publishing enqueues a `signals.text` job in
// its own transaction (never for private groups or chats, which never call this), and the job evaluates
// the rules in force when it runs. A live rule's hit files an automated report that opens or joins the
// case, and appends a `signal` case event naming rule, category, score and excerpt; a shadow rule's hit
// is only recorded (rule_hits). Nothing here blocks publishing.
import type { Db } from '../../db/database.ts';
import { appendEvent } from '../../cases/case-log.ts';
import type { ReportsService } from '../../intake/reports.service.ts';
import type { Reporter } from '../../intake/reporter.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { newId } from '../../shared/ids.ts';
import { REFERENCE_PLATFORM } from '../../shared/platforms.ts';
import { nowIso } from '../../shared/time.ts';
import type { PublicSubjectKind } from '../../subjects/kinds.ts';
import type { HoldTarget } from '../publish-scan.ts';
import { RuleHitsRepository } from './rule-hits.repository.ts';
import type { RuleSet } from './rule-set.ts';
import type { TextItem } from './rules.ts';

export const TEXT_SIGNALS_JOB = 'signals.text';

const AUTOMATED: Reporter = { source: 'automated', key: 'auto:text-rules', accountId: null, label: 'text rules', country: null };

/** What published: the item whose text is read, and the subject whose case a live rule's report opens or joins. */
export interface TextTarget {
  subject: { kind: PublicSubjectKind; id: string };
  caseSubject: HoldTarget['caseSubject'];
  postId?: string;
  /** A connected platform's name; absent for the reference platform. */
  platform?: string;
}

export interface TextSignalsJob extends TextTarget {
  /** Unique per publication: the report's Idempotency-Key and the hits' ids derive from it. */
  key: string;
  item: TextItem;
}

export class TextSignals {
  #db: Db;
  #rules: RuleSet;
  #reports: ReportsService;
  #jobs: JobQueue;
  constructor(opts: { db: Db; rules: RuleSet; reports: ReportsService; jobs: JobQueue }) {
    this.#db = opts.db;
    this.#rules = opts.rules;
    this.#reports = opts.reports;
    this.#jobs = opts.jobs;
  }

  get rules(): RuleSet {
    return this.#rules;
  }

  /** In the publishing transaction: the job that evaluates the rules on this item's text. Nothing when there is no text or no shadow or live rule. */
  async enqueue(trx: Db, target: TextTarget, item: TextItem): Promise<boolean> {
    if (!this.#rules.rules.some((c) => c.rule.state !== 'draft')) return false;
    if (!Object.values(item.fields).some((t) => t !== undefined && t.trim() !== '')) return false;
    const job: TextSignalsJob = { ...target, key: newId('sig'), item };
    await this.#jobs.enqueue(trx, TEXT_SIGNALS_JOB, job, { dedupeKey: `${TEXT_SIGNALS_JOB}:${job.key}` });
    return true;
  }

  committed(): void {
    this.#jobs.wake();
  }

  /** The job's work. Idempotent: the report's Idempotency-Key and the hit's id derive from the job's key and the rule. */
  async run(job: TextSignalsJob): Promise<void> {
    const platform = job.platform ?? REFERENCE_PLATFORM;
    for (const s of this.#rules.evaluate(job.item)) {
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
}
