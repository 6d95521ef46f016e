// `vigil mail ingest <file.eml…>` (or a mail on standard input) files abuse mails as reports, exactly as
// the SMTP listener does; `vigil mail outbox` prints the answers and decision mails written to reporters.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createContext } from '../context.ts';

async function readStdin(limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(String(c));
    size += b.length;
    if (size > limit) throw new Error(`the mail on standard input is larger than ${limit} bytes (VIGIL_MAIL_MAX_BYTES)`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export function registerMailCommands(program: Command): void {
  const mail = program.command('mail').description('the abuse mailbox');
  mail
    .command('ingest [files...]')
    .description('file abuse mails (.eml files, or one mail on standard input) as reports and write their answers to the outbox')
    .action(async (files: string[]) => {
      const config = loadConfig();
      const ctx = await createContext(config, pino({ level: 'warn' }, pino.destination(2)), { matcher: false });
      try {
        const sources = files.length ? files : ['-'];
        for (const file of sources) {
          try {
            const raw = file === '-' ? await readStdin(config.mailMaxBytes) : await readFile(file);
            if (raw.length > config.mailMaxBytes) throw new Error(`larger than ${config.mailMaxBytes} bytes (VIGIL_MAIL_MAX_BYTES)`);
            const r = await ctx.mailbox.ingest(raw);
            const answer = r.answer.kind === 'none' ? `no answer (${r.answer.why})` : `answer ${r.answer.outboxId} (${r.answer.kind}, ${r.language})`;
            console.log(`${file}: ${r.format} mail ${r.mailId}: ${r.reports.length} report(s); ${answer}`);
            for (const rep of r.reports) console.log(`  ${rep.id}\t${rep.status}\t${rep.link}`);
          } catch (err) {
            console.error(`${file}: error: ${err instanceof Error ? err.message : String(err)}`);
            process.exitCode = 1;
          }
        }
      } finally {
        await ctx.close();
      }
    });
  mail
    .command('outbox')
    .description('the newest mails in the outbox (answers and decisions), with their text')
    .option('--limit <n>', 'how many', '20')
    .action(async (o: { limit: string }) => {
      const ctx = await createContext(loadConfig(), pino({ level: 'warn' }, pino.destination(2)), { matcher: false });
      try {
        const { mails } = await ctx.mailbox.outbox(Math.max(1, Math.min(100, Number(o.limit) || 20)));
        if (mails.length === 0) console.log('the outbox is empty');
        for (const m of mails) {
          console.log(`--- ${m.id} ${m.kind} to ${m.to} (${m.language}) ${m.sentAt ? `sent ${m.sentAt}` : 'not sent'}`);
          console.log(`Subject: ${m.subject}\n\n${m.body}`);
        }
      } finally {
        await ctx.close();
      }
    });
}
