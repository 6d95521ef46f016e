// PostgreSQL's LISTEN/NOTIFY as a wake-up between processes: a notification only says "look now", never
// what changed, so one lost with a dropped connection costs a poll interval, not a change. Nothing is
// sent or heard on SQLite, where the readers poll.
import { sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Db } from './database.ts';
import { isPostgres } from './dialect-sql.ts';

/**
 * Notifies the listeners of `channel`. Inside a transaction PostgreSQL delivers it at commit, and never if
 * the transaction rolls back; identical notifications of one transaction are delivered once.
 */
export async function notify(db: Db, channel: string, payload = ''): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;

/**
 * Listens to `channel` on a dedicated connection (LISTEN needs one that stays open, not a pooled one) and
 * calls `heard` for each notification, and once each time listening (re)starts, since notifications sent
 * while not listening are lost. A lost connection is reopened with backoff (250 ms doubling to 10 s),
 * logged once per outage. Returns a function that stops listening and closes the connection.
 */
export function listen(url: string, channel: string, heard: () => void, logger: Logger): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;

  const lost = (c: pg.Client, err?: unknown) => {
    if (stopped || c !== client) return;
    client = undefined;
    c.removeAllListeners('notification');
    c.end().catch(() => {});
    failures++;
    if (failures === 1) logger.warn({ err, channel }, `LISTEN ${channel}: the connection to PostgreSQL was lost; reconnecting (polling meanwhile)`);
    retry = setTimeout(connect, Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS));
    retry.unref();
  };

  const connect = async () => {
    const c = new pg.Client({ connectionString: url, keepAlive: true });
    client = c;
    c.on('notification', (msg) => {
      if (msg.channel === channel) heard();
    });
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
    } catch (err) {
      lost(c, err);
      return;
    }
    if (stopped || c !== client) return;
    if (failures > 0) logger.info({ channel }, `LISTEN ${channel}: listening again`);
    failures = 0;
    heard();
  };

  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  };
}
