// `vigil` command line: serve, migrate, demo (and more as the product grows).
import { Command, Option } from 'commander';
import { loadConfig } from './config.ts';
import { ROLES, type Role, serve } from './server.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { registerPeopleCommands } from './cli/people.command.ts';
import { registerBankCommands } from './cli/banks.command.ts';
import { registerCaseCommands } from './cli/cases.command.ts';
import { registerJobCommands } from './cli/jobs.command.ts';
import { registerWebhookCommands } from './cli/webhooks.command.ts';
import { registerSignalCommands } from './cli/signals.command.ts';
import { registerExportCommands } from './cli/export.command.ts';
import { registerMailCommands } from './cli/mail.command.ts';

// Whatever this process writes (database, media, secret, exports) is for its own user only; the data
// directory's modes are also set explicitly (shared/data-dir.ts), as tests and embedders skip this file.
process.umask(0o077);

const program = new Command();
program.name('vigil').description('Vigil: trust and safety for messaging platforms with public channels').version('0.1.0');

program
  .command('serve')
  .description('serve the API, console and public pages, and run background jobs (PORT, VIGIL_DATA_DIR, VIGIL_DATABASE_URL)')
  .addOption(new Option('--role <role>', 'api: HTTP only (jobs run elsewhere); worker: jobs only, no HTTP; all: both').choices(ROLES).default('all'))
  .action(async (o: { role: Role }) => {
    await serve(loadConfig(), o.role);
  });

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(async () => {
    const { db } = openDatabase(loadConfig());
    try {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await db.destroy();
    }
  });

program
  .command('demo')
  .description('seed a living demo platform into an empty data dir and print links to open')
  .action(async () => {
    const { runDemo } = await import('./demo/demo.ts');
    await runDemo(loadConfig());
  });

registerBankCommands(program);
registerPeopleCommands(program);
registerCaseCommands(program);
registerJobCommands(program);
registerWebhookCommands(program);
registerSignalCommands(program);
registerExportCommands(program);
registerMailCommands(program);

await program.parseAsync(process.argv);
