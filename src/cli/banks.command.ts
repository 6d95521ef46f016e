// `vigil banks …` and `vigil pdq …`: operators' tools for hash lists.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { once } from 'node:events';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createContext, type AppContext } from '../context.ts';
import { AppError } from '../shared/errors.ts';
import { BANK_CATEGORIES } from '../detection/bank-values.ts';

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  // The CLI changes banks but never matches: it does not load the matcher, and a running server learns
  // its changes from the banks' change feed.
  const ctx = await createContext(loadConfig(), pino({ level: 'warn' }), { matcher: false });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

function fail(err: unknown): never {
  console.error(err instanceof AppError ? `error: ${err.message}` : err);
  process.exit(1);
}

export function registerBankCommands(program: Command): void {
  const banks = program.command('banks').description('hash banks: create, import and export hash lists');

  banks
    .command('list')
    .description('list banks with their entry counts')
    .action(() =>
      withContext(async (ctx) => {
        for (const b of await ctx.banks.list()) console.log(`${b.name}\t${b.category}\t${b.active} active / ${b.total} entries`);
      }).catch(fail),
    );

  banks
    .command('create <name>')
    .description('create a bank')
    .requiredOption('--category <category>', BANK_CATEGORIES.join('|'))
    .option('--description <text>', 'what the bank holds', '')
    .action((name: string, o: { category: string; description: string }) =>
      withContext(async (ctx) => {
        const b = await ctx.banks.create({ name, category: o.category, description: o.description });
        await ctx.audit.append({
          actor: `cli:${process.env.USER ?? 'operator'}`,
          action: 'bank.created',
          target: `bank:${b.id}`,
          data: { name, category: o.category },
        });
        console.log(`created bank ${b.name} (${b.category})`);
      }).catch(fail),
    );

  banks
    .command('import <bank> <file>')
    .description('import a hash list: bare hashes, "<type> <hash>" lines or CSV signal_type,signal_str,…')
    .option('--skip-invalid', 'import the valid lines even if some are malformed')
    .action((bankName: string, file: string, o: { skipInvalid?: boolean }) =>
      withContext(async (ctx) => {
        const size = statSync(file).size;
        const bar =
          process.stderr.isTTY || size > 1_000_000
            ? new cliProgress.SingleBar(
                { format: 'reading {bar} {percentage}% | {lines} lines', stream: process.stderr, noTTYOutput: true, notTTYSchedule: 500 },
                cliProgress.Presets.shades_classic,
              )
            : undefined;
        let bytes = 0;
        let lines = 0;
        const counter = new Transform({
          transform(chunk, _enc, cb) {
            bytes += chunk.length;
            cb(null, chunk);
          },
        });
        bar?.start(size, 0, { lines: 0 });
        const rl = createInterface({ input: createReadStream(file).pipe(counter), crlfDelay: Infinity });
        const result = await ctx.banks.import(bankName, rl, {
          skipInvalid: o.skipInvalid,
          onProgress: (n) => {
            lines = n;
            bar?.update(bytes, { lines });
          },
        });
        bar?.update(size, { lines });
        bar?.stop();
        for (const r of result.rejected.slice(0, 50)) console.error(`${file}:${r.line}: ${r.message}`);
        if (result.rejected.length > 50) console.error(`… and ${result.rejected.length - 50} more malformed lines`);
        if (result.rejected.length > 0 && !o.skipInvalid) {
          console.error(`${result.rejected.length} malformed line(s); nothing was imported. Fix them or pass --skip-invalid.`);
          process.exitCode = 1;
          return;
        }
        await ctx.audit.append({
          actor: `cli:${process.env.USER ?? 'operator'}`,
          action: 'bank.imported',
          target: `bank:${bankName}`,
          data: { added: result.added, rejected: result.rejected.length },
        });
        console.log(`imported ${result.added} new entries into ${bankName} (${result.duplicates} already present, ${result.rejected.length} skipped)`);
      }).catch(fail),
    );

  banks
    .command('withdraw <entry-id>')
    .description('withdraw a bank entry (its hash is deleted), or with --benign mark it a false positive that never matches again')
    .option('--benign', 'keep the entry but never match it again')
    .action((entryId: string, o: { benign?: boolean }) =>
      withContext(async (ctx) => {
        const status = o.benign ? 'benign' : 'withdrawn';
        await ctx.banks.setStatus(entryId, status);
        await ctx.audit.append({ actor: `cli:${process.env.USER ?? 'operator'}`, action: `bank_entry.${status}`, target: `bank_entry:${entryId}` });
        console.log(`${entryId} is ${status}`);
      }).catch(fail),
    );

  banks
    .command('export <bank>')
    .description('export the active entries of a bank as CSV')
    .option('--out <file>', 'write to a file instead of standard output')
    .action((bankName: string, o: { out?: string }) =>
      withContext(async (ctx) => {
        const file = o.out ? createWriteStream(o.out) : undefined;
        const out = file ?? process.stdout;
        for await (const line of ctx.banks.export(bankName)) {
          if (!out.write(`${line}\n`)) await once(out, 'drain');
        }
        if (file) await new Promise<void>((resolve) => file.end(resolve));
      }).catch(fail),
    );

  program
    .command('pdq <files...>')
    .description('print hash,quality,filename for image files (full resolution, like the reference tool)')
    .action(async (files: string[]) => {
      const { pdqCommand } = await import('../detection/pdq-cli.ts');
      process.exitCode = await pdqCommand(files, (line) => console.log(line));
    });
}
