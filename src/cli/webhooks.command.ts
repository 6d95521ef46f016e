// `vigil webhooks list`: every platform's webhook endpoints and how their last deliveries went, as an
// operator without the console sees them (the same service as GET /api/v1/webhooks).
import type { Command } from 'commander';
import pino from 'pino';
import { loadConfig } from '../config.ts';
import { createContext } from '../context.ts';

export function registerWebhookCommands(program: Command): void {
  const webhooks = program.command('webhooks').description('outbound webhook endpoints and their deliveries');
  webhooks
    .command('list')
    .description('every endpoint (platform, URL, events) with the state of its last deliveries')
    .option('--deliveries <n>', 'last deliveries to show per endpoint', '5')
    .action(async (o: { deliveries: string }) => {
      const ctx = await createContext(loadConfig(), pino({ level: 'warn' }, pino.destination(2)), { matcher: false });
      try {
        const all = { all: true } as const;
        const endpoints = await ctx.webhooks.list(all);
        if (endpoints.length === 0) console.log('no webhook endpoints');
        const n = Math.max(0, Math.min(200, Number(o.deliveries) || 0));
        for (const e of endpoints) {
          console.log(`${e.id}\t${e.platform}\t${e.url}\t${e.events.join(',')}`);
          if (n === 0) continue;
          for (const d of await ctx.webhooks.deliveries(all, e.id, n)) {
            const outcome = d.lastStatus !== null ? `HTTP ${d.lastStatus}` : (d.lastError ?? 'not attempted yet');
            console.log(`  ${d.id}\t${d.eventType}\t${d.state}\t${d.attempts} attempts\t${d.lastAttemptAt ?? '-'}\t${outcome}`);
          }
        }
      } finally {
        await ctx.close();
      }
    });
}
