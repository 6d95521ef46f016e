// `vigil jobs list` and `vigil jobs retry <id>`: the durable job queue from the command line, as an
// operator without the console sees it (the same service as GET /api/v1/jobs).
import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createContext } from '../context.ts';

export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('the background job queue');
  jobs
    .command('list')
    .description('counts by kind and state, how late the queue is, and the failed and dead jobs')
    .option('--limit <n>', 'failed and dead jobs to list', '20')
    .action(async (o: { limit: string }) => {
      const ctx = await createContext(loadConfig(), pino({ level: 'warn' }, pino.destination(2)), { matcher: false });
      try {
        const overview = await ctx.jobsAdmin.overview();
        const page = await ctx.jobsAdmin.troubled(Math.max(1, Math.min(1000, Number(o.limit) || 20)));
        if (overview.counts.length === 0) console.log('no jobs');
        for (const c of overview.counts) console.log(`${c.kind}\t${c.state}\t${c.count}`);
        console.log(`oldest queued job waiting: ${overview.oldestQueuedAgeSeconds.toFixed(1)} s; dead: ${overview.dead}`);
        for (const j of page.jobs) {
          const when = j.state === 'dead' ? `dead since ${j.finishedAt}` : `next attempt ${j.runAt}`;
          console.log(`${j.id}\t${j.kind}\t${j.state}\t${j.attempts}/${j.maxAttempts} attempts\t${when}\t${j.lastError ?? ''}`);
        }
      } finally {
        await ctx.close();
      }
    });
  jobs
    .command('retry <id>')
    .description('send a failed or dead job back to the queue, due now, with a fresh set of attempts (audited)')
    .action(async (id: string) => {
      const ctx = await createContext(loadConfig(), pino({ level: 'warn' }, pino.destination(2)), { matcher: false });
      try {
        const job = await ctx.jobsAdmin.retry(id, `cli:${process.env.USER ?? 'operator'}`);
        console.log(`${job.id} (${job.kind}) queued again; a running worker picks it up at its next poll`);
      } catch (err) {
        console.error(err instanceof Error ? `error: ${err.message}` : err);
        process.exitCode = 1;
      } finally {
        await ctx.close();
      }
    });
}
