// `vigil export dsa --from YYYY-MM-DD --to YYYY-MM-DD [--out file] [--submit url --token t]`: statements
// of reasons for the EU DSA Transparency Database (src/transparency/dsa-export.ts; docs/POLICY.md, DSA statements of reasons).
// The file holds one batch per line (JSON Lines), each line the body of one POST /api/v1/statements; it
// is written beside its name and renamed into place only once the export has succeeded.
import { open, rename, rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DsaExportRepository } from '../transparency/dsa-export.repository.ts';
import { DsaExportError, exportDsa, summaryLines } from '../transparency/dsa-export.ts';
import { DsaSubmitter, SubmitError } from '../transparency/dsa-submit.ts';

interface DsaOptions {
  from: string;
  to: string;
  out?: string;
  platform?: string;
  submit?: string;
  token?: string;
  retryBaseMs: string;
}

export function registerExportCommands(program: Command): void {
  const exp = program.command('export').description('exports for regulators');
  exp
    .command('dsa')
    .description("statements of reasons of a period's decisions for the EU DSA Transparency Database, in batches of at most 100")
    .requiredOption('--from <day>', 'first day (YYYY-MM-DD, UTC)')
    .requiredOption('--to <day>', 'last day, included (YYYY-MM-DD, UTC)')
    .option('--out <file>', 'write the batches here, one per line (default: standard output, unless --submit)')
    .option('--platform <name>', "only decisions about this platform's subjects ('reference' or a connected platform)")
    .option('--submit <url>', 'post the batches to this Transparency Database (its base URL or its /api/v1/statements endpoint)')
    .option('--token <token>', 'the API token for --submit (or VIGIL_DSA_TOKEN)')
    .option('--retry-base-ms <ms>', 'first wait before retrying a transient failure', '1000')
    .action(async (o: DsaOptions) => {
      const { db } = openDatabase(loadConfig());
      const partial = o.out ? `${o.out}.partial` : undefined;
      const file = partial ? await open(partial, 'w') : undefined;
      let done = false;
      try {
        await migrateToLatest(db);
        const submitter = o.submit
          ? new DsaSubmitter(new DsaExportRepository(db), {
              url: o.submit,
              token: o.token ?? process.env.VIGIL_DSA_TOKEN ?? '',
              retryBaseMs: Math.max(0, Number(o.retryBaseMs) || 0),
            })
          : undefined;
        const toStdout = !o.out && !o.submit;
        const summary = await exportDsa(db, {
          from: o.from,
          to: o.to,
          ...(o.platform ? { platform: o.platform } : {}),
          ...(submitter ? { submitter } : {}),
          write: async (batch) => {
            const line = `${JSON.stringify(batch)}\n`;
            if (file) await file.write(line);
            else if (toStdout) await new Promise<void>((resolve, reject) => process.stdout.write(line, (err) => (err ? reject(err) : resolve())));
          },
        });
        if (file && partial && o.out) {
          await file.close();
          await rename(partial, o.out);
        }
        done = true;
        // The batches may be on standard output: the summary then goes to standard error.
        for (const line of summaryLines(summary)) (toStdout ? console.error : console.log)(line);
        if (o.out) console.log(`written to ${o.out}`);
      } catch (err) {
        const known = err instanceof DsaExportError || err instanceof SubmitError;
        console.error(known ? `error: ${err.message}` : err);
        process.exitCode = 1;
      } finally {
        if (file && !done) {
          await file.close().catch(() => {});
          if (partial) await rm(partial, { force: true });
        }
        await db.destroy();
      }
    });
}
