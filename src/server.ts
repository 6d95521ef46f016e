// Starts the HTTP server and stops it gracefully: on SIGTERM/SIGINT in-flight requests finish,
// then the database is closed cleanly.
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { buildApp } from './http/app.ts';
import { createLogger } from './logger.ts';

export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const ctx = await createContext(config, logger);
  const app = await buildApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: config.publicUrl, dataDir: config.dataDir, database: ctx.dialect }, 'Vigil is serving');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await app.close();
      await ctx.close();
      logger.info('stopped cleanly');
      process.exitCode = 0;
    } catch (err) {
      logger.error({ err }, 'error during shutdown');
      process.exitCode = 1;
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
