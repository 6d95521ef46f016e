import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Db } from './database.ts';
import * as platform from './migrations/2026-11-23-01-platform.ts';
import * as people from './migrations/2026-11-23-02-people.ts';
import * as moderation from './migrations/2026-11-23-03-moderation.ts';
import * as banks from './migrations/2026-11-23-04-banks.ts';
import * as botMessages from './migrations/2026-11-23-05-bot-messages.ts';
import * as secrets from './migrations/2026-11-29-01-secrets.ts';
import * as nameSkeletons from './migrations/2026-11-29-02-name-skeletons.ts';
import * as caseFigures from './migrations/2026-11-30-01-case-figures.ts';
import * as bankChanges from './migrations/2026-11-30-02-bank-changes.ts';
import * as jobs from './migrations/2026-12-01-01-jobs.ts';
import * as casesSla from './migrations/2026-12-02-01-cases-sla.ts';
import * as casePlatform from './migrations/2026-12-03-01-case-platform.ts';
import * as dropReportsReporterIndex from './migrations/2026-12-04-01-drop-reports-reporter-index.ts';
import * as webhooks from './migrations/2026-12-04-02-webhooks.ts';
import * as slaBreaches from './migrations/2026-12-04-05-sla-breaches.ts';
import * as appeals from './migrations/2026-12-04-07-appeals.ts';
import * as dailyStatistics from './migrations/2026-12-04-09-daily-statistics.ts';
import * as languages from './migrations/2026-12-05-90-languages.ts';
import * as mailbox from './migrations/2026-12-05-95-mailbox.ts';
import * as mailAttachments from './migrations/2026-12-05-96-mail-attachments.ts';
import * as textFingerprints from './migrations/2026-12-05-21-text-fingerprints.ts';
import * as transparencyDays from './migrations/2026-12-05-71-transparency-days.ts';
import * as replyLanguage from './migrations/2026-12-06-21-reply-language.ts';
import * as caseViewFigures from './migrations/2026-12-07-11-case-view-figures.ts';
import * as recountCases from './migrations/2026-12-07-12-recount-cases.ts';
import * as platformContent from './migrations/2026-12-04-03-platform-content.ts';
import * as textRules from './migrations/2026-12-04-08-text-rules.ts';
import * as dsaSubmissions from './migrations/2026-12-05-61-dsa-submissions.ts';
import * as credibility from './migrations/2026-12-05-41-credibility.ts';
import * as auditFiltersOwnerHistory from './migrations/2026-12-05-50-audit-filters-owner-history.ts';

// Listed explicitly (not read from disk) so the set is fixed at build time and ordered by name.
const migrations: Record<string, Migration> = {
  '2026-11-23-01-platform': platform,
  '2026-11-23-02-people': people,
  '2026-11-23-03-moderation': moderation,
  '2026-11-23-04-banks': banks,
  '2026-11-23-05-bot-messages': botMessages,
  '2026-11-29-01-secrets': secrets,
  '2026-11-29-02-name-skeletons': nameSkeletons,
  '2026-11-30-01-case-figures': caseFigures,
  '2026-11-30-02-bank-changes': bankChanges,
  '2026-12-01-01-jobs': jobs,
  '2026-12-02-01-cases-sla': casesSla,
  '2026-12-03-01-case-platform': casePlatform,
  '2026-12-04-01-drop-reports-reporter-index': dropReportsReporterIndex,
  '2026-12-04-02-webhooks': webhooks,
  '2026-12-04-03-platform-content': platformContent,
  '2026-12-04-05-sla-breaches': slaBreaches,
  '2026-12-04-07-appeals': appeals,
  '2026-12-04-08-text-rules': textRules,
  '2026-12-04-09-daily-statistics': dailyStatistics,
  '2026-12-05-90-languages': languages,
  '2026-12-05-95-mailbox': mailbox,
  '2026-12-05-96-mail-attachments': mailAttachments,
  '2026-12-05-21-text-fingerprints': textFingerprints,
  '2026-12-05-61-dsa-submissions': dsaSubmissions,
  '2026-12-05-41-credibility': credibility,
  '2026-12-05-71-transparency-days': transparencyDays,
  '2026-12-06-21-reply-language': replyLanguage,
  '2026-12-05-50-audit-filters-owner-history': auditFiltersOwnerHistory,
  '2026-12-07-11-case-view-figures': caseViewFigures,
  '2026-12-07-12-recount-cases': recountCases,
};

const migrator = (db: Db) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  return applied(await migrator(db).migrateToLatest());
}

/** Applies the migrations up to and including `name`: tests of a migration build the database it meets. */
export async function migrateUpTo(db: Db, name: string): Promise<string[]> {
  return applied(await migrator(db).migrateTo(name));
}
