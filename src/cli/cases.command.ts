// `vigil cases recount [--case <id>]`: recomputes case figures (counts, reporters, sources, categories,
// credibility, priority, deadline) from the reports. Intake keeps them incrementally; this is the repair.
import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createContext } from '../context.ts';
import { recountCase } from '../cases/case-aggregate.ts';

export function registerCaseCommands(program: Command): void {
  const cases = program.command('cases').description('moderation cases');
  cases
    .command('recount')
    .description("recompute cases' figures from their reports and report what differed (all cases, or one)")
    .option('--case <id>', 'only this case')
    .action(async (o: { case?: string }) => {
      const ctx = await createContext(loadConfig(), pino({ level: 'warn' }, pino.destination(2)));
      try {
        const ids = o.case ? [o.case] : (await ctx.db.selectFrom('cases').select('id').orderBy('id').execute()).map((c) => c.id);
        let fixed = 0;
        for (const id of ids) {
          const changed = await recountCase(ctx.db, id);
          if (changed.length) {
            fixed++;
            console.log(`${id}: recounted ${changed.join(', ')}`);
          }
        }
        console.log(`${ids.length} case(s) recounted, ${fixed} corrected`);
      } catch (err) {
        console.error(err instanceof Error ? `error: ${err.message}` : err);
        process.exitCode = 1;
      } finally {
        await ctx.close();
      }
    });
}
