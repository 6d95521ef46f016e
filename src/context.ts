// Wires the application: database, repositories' services and the visibility service.
// Built once per process (or per test) and handed to the HTTP app and the CLI.
import { MAIL_SEND_JOB, MailboxService, type MailSendJob } from './intake/mail/mail-intake.service.ts';
import { MailSender } from './intake/mail/mail-sender.ts';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Db, type DialectName } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { openReadConnection, type ReadConnection } from './db/read-connection.ts';
import { VisibilityService } from './enforcement/visibility.ts';
import { AccountsRepository } from './platform/accounts.repository.ts';
import { AccountsService } from './platform/accounts.service.ts';
import { BotsService } from './platform/bots.service.ts';
import { ChannelsService } from './platform/channels.service.ts';
import { ConversationsService } from './platform/conversations.service.ts';
import { MediaRepository } from './platform/media.repository.ts';
import { MediaService } from './platform/media.service.ts';
import { MediaStore } from './platform/media-store.ts';
import { StickerSetsService } from './platform/sticker-sets.service.ts';
import { type PdqOf, ReferencePlatform } from './platform/reference-platform.ts';
import { Subjects } from './subjects/subjects.ts';
import { ConnectedPlatformRegistry } from './subjects/connected-platform.ts';
import { ApiKeysRepository } from './people/api-keys.repository.ts';
import { ContentRegistrationService } from './detection/content-registration.service.ts';
import { MediaFetcher } from './detection/media-fetch.ts';
import { AuditLog } from './audit/audit-log.ts';
import { createPeople, type People } from './people/index.ts';
import { enforcementRestrictions } from './enforcement/restriction-source.ts';
import { ReportsService } from './intake/reports.service.ts';
import { ReportStatusService } from './intake/report-status.service.ts';
import { ReviewService, type AuditFn } from './cases/review.service.ts';
import { CredibilityService } from './cases/credibility.service.ts';
import { DecisionsService } from './cases/decisions.service.ts';
import { AppealsService } from './cases/appeals.service.ts';
import { TransparencyRepository } from './transparency/transparency.repository.ts';
import policyData from '../policy/policy.json' with { type: 'json' };
import { HashMatcher } from './detection/hash-matcher.ts';
import { followBankChanges } from './detection/bank-feed.ts';
import { startMatcher } from './detection/matcher-start.ts';
import { BanksService } from './detection/banks.service.ts';
import { BANK_CHANGES_CHANNEL } from './detection/banks.repository.ts';
import { listen } from './db/notifications.ts';
import { AUTOMATED_REPORT_JOB, type AutomatedReportJob, ContentScanner } from './detection/scanner.ts';
import { ProtectService } from './detection/protect.service.ts';
import { decisionBanking } from './detection/decision-banking.ts';
import { DecodePool } from './detection/decode-pool.ts';
import type { ServerSecret } from './shared/secrets.ts';
import { loadServerSecret } from './shared/server-secret.ts';
import { prepareDataDir } from './shared/data-dir.ts';
import { JOBS_CHANNEL, JobQueue } from './jobs/job-queue.ts';
import { recordSlaBreaches, SLA_SWEEP_JOB } from './cases/sla-sweep.ts';
import { DAILY_STATISTICS_JOB, recomputeRecentDays } from './transparency/daily-statistics.ts';
import { DailyStatisticsRepository } from './transparency/daily-statistics.repository.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { CASES_RECOUNT_JOB, type CasesRecountJob, recountPage } from './cases/recount-job.ts';
import { JobsService } from './jobs/jobs.service.ts';
import { WEBHOOK_DELIVERY_JOB, type WebhookDeliveryJob, webhookEmitter } from './enforcement/webhook-events.ts';
import { WebhookDeliverer } from './enforcement/webhook-delivery.ts';
import { WebhooksService } from './enforcement/webhooks.service.ts';
import { RuleSet } from './detection/text/rule-set.ts';
import { RulesService } from './detection/text/rules.service.ts';
import { TEXT_SIGNALS_JOB, TextSignals, type TextSignalsJob } from './detection/text/text-signals.ts';
import { textIndexing } from './detection/text/text-index.ts';

/** A little more than the longest wait between two tries for SQLite's write lock (100 ms): see BanksService. */
const SQLITE_IMPORT_PAUSE_MS = 110;

export interface AppContext {
  config: Config;
  logger: Logger;
  /** Key of the keyed hashes (receipts, anonymous reporter keys); loaded once at start. */
  secret: ServerSecret;
  db: Db;
  dialect: DialectName;
  /** Public reads (preview pages, visibility): a read-only connection on SQLite, the same pool on PostgreSQL. */
  reads: ReadConnection;
  visibility: VisibilityService;
  accounts: AccountsService;
  media: MediaService;
  channels: ChannelsService;
  bots: BotsService;
  stickerSets: StickerSetsService;
  conversations: ConversationsService;
  audit: AuditLog;
  /** Staff users, sessions, personal tokens and API keys. */
  people: People;
  subjects: Subjects;
  reports: ReportsService;
  reportStatus: ReportStatusService;
  review: ReviewService;
  credibility: CredibilityService;
  decisions: DecisionsService;
  appeals: AppealsService;
  transparency: TransparencyRepository;
  dailyStatistics: DailyStatisticsRepository;
  policy: typeof policyData;
  matcher: HashMatcher;
  banks: BanksService;
  scanner: ContentScanner;
  /** Content that connected platforms register (POST /api/v1/content) and its verdicts. */
  content: ContentRegistrationService;
  protect: ProtectService;
  /** Worker threads that decode and hash uploads, off the event loop. */
  decodePool: DecodePool;
  /** Enqueues durable jobs in a caller's transaction. */
  jobs: JobQueue;
  /** Runs this process's share of the jobs once started (`vigil serve --role worker|all`); close() stops it. */
  jobRunner: JobRunner;
  /** The queue as admins see it: counts, lag, failures, retry. */
  jobsAdmin: JobsService;
  /** Outbound webhook endpoints and their deliveries (delivered by the job runner). */
  webhooks: WebhooksService;
  /** The abuse mailbox: mails filed as reports, answers in the outbox (sent by a job when a relay is set). */
  mailbox: MailboxService;
  /** Text rules in force (reloaded by admins) and the signal jobs of published text. */
  textSignals: TextSignals;
  /** The rules as staff read them, and their reload. */
  rules: RulesService;
  close(): Promise<void>;
}

/**
 * `matcher: false` leaves the hash matcher empty and unfed: for commands that change banks but never
 * match (the CLI), which would otherwise load every bank entry into memory. `matcherSnapshotFrom` sets
 * from how many active bank entries, when no snapshot exists yet, the matcher is built by a child
 * process into a snapshot (matcher-start.ts; tests set 0 to use it).
 */
export async function createContext(config: Config, logger: Logger, opts: { matcher?: boolean; matcherSnapshotFrom?: number } = {}): Promise<AppContext> {
  prepareDataDir(config.dataDir);
  const secret = await loadServerSecret(config.dataDir, config.secret);
  const { db, dialect, checkpointer } = openDatabase(config, { backgroundCheckpoints: { logger } });
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const reads = openReadConnection(db, dialect, config.dataDir);
  const visibility = new VisibilityService(enforcementRestrictions(reads.db));
  const audit = new AuditLog(db);
  const auditFn: AuditFn = async (trx, e) => {
    await audit.append(e, trx);
  };
  const people = createPeople(db, audit);
  if (config.adminEmail && config.adminPassword) {
    const admin = await people.users.bootstrapAdmin(config.adminEmail, config.adminPassword);
    if (admin) logger.info({ email: admin.email }, 'first admin created from VIGIL_ADMIN_EMAIL');
  }
  const accounts = new AccountsService(new AccountsRepository(db));
  const decodePool = new DecodePool({ workers: config.decodeWorkers, queue: config.decodeQueue });
  const mediaStore = new MediaStore(config.dataDir);
  const media = new MediaService(new MediaRepository(db), mediaStore, config, decodePool);
  const matcher = new HashMatcher(config.matchDistance);
  const banks = new BanksService(db, matcher, { importPauseMs: dialect === 'sqlite' ? SQLITE_IMPORT_PAUSE_MS : 0 });
  await banks.ensureSystemBanks();
  let stopFeed = async () => {};
  if (opts.matcher !== false) {
    const started = performance.now();
    const from = await startMatcher(matcher, db, dialect, logger, { ...config, snapshotFrom: opts.matcherSnapshotFrom });
    if (matcher.size > 0) logger.info({ entries: matcher.size, from, ms: Math.round(performance.now() - started) }, 'hash banks loaded into the matcher');
    // On PostgreSQL a committed bank change wakes the feed reader at once (the poll stays as the fallback).
    const wakeUps = dialect === 'postgres' ? (wake: () => void) => listen(config.databaseUrl, BANK_CHANGES_CHANNEL, wake, logger) : undefined;
    stopFeed = followBankChanges(db, matcher, config.bankPollMs, logger, wakeUps);
  }
  // The platforms whose subjects Vigil moderates; the core asks them through the platform port. Every
  // other platform name is a connected platform, served from the content it registered.
  let scannerRef: ContentScanner | undefined;
  const pdqOf: PdqOf = (m, trx) => {
    if (!scannerRef) throw new Error('the scanner is not ready');
    return scannerRef.pdqOf(m, trx);
  };
  const subjects = new Subjects()
    .register(new ReferencePlatform(pdqOf, mediaStore))
    .connect(new ConnectedPlatformRegistry((trx, name) => new ApiKeysRepository(trx).hasPlatform(name)));
  const jobs = new JobQueue();
  const webhookEvents = webhookEmitter(jobs);
  const reports = new ReportsService(db, subjects, config.publicUrl, secret, webhookEvents);
  // Invalid rule files at start stop the start (nothing is in force yet to fall back on); a reload keeps the last valid set.
  const ruleSet = new RuleSet(
    config.rulesDir,
    policyData.categories.map((c) => c.id),
  );
  const { rules: ruleCount } = ruleSet.reload();
  logger.debug({ rules: ruleCount, dir: config.rulesDir }, 'text rules loaded');
  const textSignals = new TextSignals({ db, rules: ruleSet, reports, jobs, subjects, piiThreshold: config.piiThreshold });
  const scanner = new ContentScanner({
    db,
    matcher,
    media,
    reports,
    budgetMs: config.scanBudgetMs,
    logger,
    decodePool,
    jobs,
    webhooks: webhookEvents,
    textSignals,
  });
  scannerRef = scanner;
  const deliverer = new WebhookDeliverer({
    db,
    secret,
    logger,
    timeoutMs: config.webhookTimeoutMs,
    retryScheduleMs: config.webhookRetryScheduleMs,
    retryWindowMs: config.webhookRetryWindowMs,
    allowPrivate: config.webhookAllowPrivate,
  });
  const mailbox = new MailboxService({
    db,
    reports,
    secret,
    jobs,
    publicUrl: config.publicUrl,
    abuseAddresses: config.abuseAddresses,
    relay: config.smtpRelay !== undefined,
    repliesPerHour: config.mailReplyLimit,
  });
  const mailSender = config.smtpRelay ? new MailSender(db, config.smtpRelay, config.mailFrom) : undefined;
  const jobRunner = new JobRunner({
    db,
    queue: jobs,
    logger,
    pollMs: config.jobPollMs,
    concurrency: config.jobConcurrency,
    leaseMs: config.jobLeaseMs,
    retryBaseMs: config.jobRetryBaseMs,
    keepDoneMs: config.jobKeepDoneHours * 3_600_000,
    // On PostgreSQL another process's enqueue wakes this runner at once (the poll stays as the fallback).
    wakeUps: dialect === 'postgres' ? (wake) => listen(config.databaseUrl, JOBS_CHANNEL, wake, logger) : undefined,
  })
    .register<AutomatedReportJob>(AUTOMATED_REPORT_JOB, (payload) => scanner.fileReport(payload))
    .register<WebhookDeliveryJob>(WEBHOOK_DELIVERY_JOB, (payload) => deliverer.deliver(payload))
    .register<TextSignalsJob>(TEXT_SIGNALS_JOB, (payload) => textSignals.run(payload))
    .register<CasesRecountJob>(CASES_RECOUNT_JOB, async (payload) => {
      const done = await recountPage(db, jobs, payload);
      if (done.corrected > 0) logger.info(done, 'open cases recounted');
    })
    .register<MailSendJob>(MAIL_SEND_JOB, async (payload) => {
      // Without a relay the outbox is read by admins; a job queued while one was configured waits for it.
      if (!mailSender) throw new Error('VIGIL_SMTP_RELAY is not set: outbox mail cannot be sent');
      await mailSender.send(payload);
    })
    .every(SLA_SWEEP_JOB, config.slaSweepMs, async () => {
      const recorded = await recordSlaBreaches(db);
      if (recorded > 0) logger.info({ recorded }, 'open cases passed their review deadline');
    })
    .every(DAILY_STATISTICS_JOB, config.statisticsMs, () => recomputeRecentDays(db));
  const decisions = new DecisionsService(db, auditFn, subjects, decisionBanking(banks), webhookEvents);
  decisions.setTextIndexing(textIndexing);
  decisions.setReporterMail(mailbox);
  const review = new ReviewService(db, auditFn, subjects);
  return {
    credibility: new CredibilityService(db, auditFn),
    config,
    logger,
    secret,
    db,
    dialect,
    reads,
    visibility,
    accounts,
    media,
    channels: new ChannelsService(db, media, visibility, scanner, reads.db),
    bots: new BotsService(db, media, visibility, scanner),
    stickerSets: new StickerSetsService(db, media, visibility, scanner),
    conversations: new ConversationsService(db, media, accounts),
    audit,
    people,
    subjects,
    reports,
    reportStatus: new ReportStatusService(db, secret),
    review,
    decisions,
    appeals: new AppealsService(db, secret, auditFn, decisions, review, config.publicUrl),
    matcher,
    banks,
    scanner,
    content: new ContentRegistrationService(
      db,
      scanner,
      decodePool,
      config,
      new MediaFetcher({ maxBytes: config.maxUploadBytes, timeoutMs: config.mediaFetchTimeoutMs, allowPrivate: config.mediaFetchAllowPrivate }),
    ),
    protect: new ProtectService(db, banks, matcher),
    transparency: new TransparencyRepository(db),
    dailyStatistics: new DailyStatisticsRepository(db),
    policy: policyData,
    decodePool,
    jobs,
    jobRunner,
    jobsAdmin: new JobsService(db, audit, jobs),
    textSignals,
    mailbox,
    rules: new RulesService(db, ruleSet, audit),
    webhooks: new WebhooksService({
      db,
      audit,
      secret,
      queue: jobs,
      urlRules: { allowPrivate: config.webhookAllowPrivate, allowHttp: config.webhookAllowHttp },
    }),
    close: async () => {
      await stopFeed();
      await jobRunner.stop();
      mailSender?.close();
      deliverer.close();
      await reads.close();
      await checkpointer?.stop();
      await Promise.all([decodePool.close(), db.destroy()]);
    },
  };
}
