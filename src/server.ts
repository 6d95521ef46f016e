// Starts a Vigil process in its role and stops it gracefully: on SIGTERM/SIGINT in-flight requests and
// jobs finish, then the database is closed cleanly.
//   api    — HTTP (API, console, public pages); enqueues jobs but runs none
//   worker — the job runner, no HTTP (nor the hash matcher, which only uploads use)
//   all    — both, the embedded default
import { startSmtpListener } from './intake/mail/smtp-listener.ts';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { buildApp } from './http/app.ts';
import { createLogger } from './logger.ts';

export const ROLES = ['api', 'worker', 'all'] as const;
export type Role = (typeof ROLES)[number];

export async function serve(config: Config, role: Role = 'all'): Promise<void> {
  const logger = createLogger(config.logLevel);
  const ctx = await createContext(config, logger, { matcher: role !== 'worker' });
  const app = role === 'worker' ? undefined : await buildApp(ctx);
  if (app) await app.listen({ port: config.port, host: config.host });
  // The abuse mailbox listens beside the HTTP API (VIGIL_SMTP_PORT), never in a worker-only process.
  const smtp =
    app && config.smtpPort > 0
      ? await startSmtpListener({
          port: config.smtpPort,
          host: config.smtpHost,
          addresses: config.abuseAddresses,
          maxBytes: config.mailMaxBytes,
          perHour: config.mailSenderLimit,
          mailbox: ctx.mailbox,
          logger,
        })
      : undefined;
  const jobs = role === 'api' ? 'off' : { concurrency: config.jobConcurrency, pollMs: config.jobPollMs, kinds: ctx.jobRunner.kinds };
  if (role !== 'api') ctx.jobRunner.start();
  if (app) logger.info({ role, url: config.publicUrl, dataDir: config.dataDir, database: ctx.dialect, jobs }, 'Vigil is serving');
  else logger.info({ role, dataDir: config.dataDir, database: ctx.dialect, jobs, worker: ctx.jobRunner.workerId }, 'Vigil is running jobs');

  // A worker has no server holding the event loop open (the runner's timers are unref'd): this does, until stopped.
  const keepAlive = app ? undefined : setInterval(() => {}, 1 << 30);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, app ? 'shutting down: finishing in-flight requests and jobs' : 'shutting down: finishing in-flight jobs');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await smtp?.close();
      await app?.close();
      await ctx.close();
      logger.info('stopped cleanly');
      process.exitCode = 0;
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exitCode = 1;
    }
    clearInterval(keepAlive);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
