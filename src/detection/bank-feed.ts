// Keeps a process's matcher in step with bank changes made anywhere (the CLI, other API processes):
// reads the banks' change feed every `intervalMs` and applies what is new (HashMatcher.poll). One read
// of an indexed range of `bank_changes` when nothing changed.
//
// Polling is the transport that works on both databases; a PostgreSQL LISTEN/NOTIFY wake-up or a
// snapshot to restart from can be added in front of the same `poll`, which only ever applies changes
// after the last sequence number it saw.
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { HashMatcher } from './hash-matcher.ts';

/** Starts following; returns a function that stops it (a poll in flight finishes, its result unused). */
export function followBankChanges(db: Db, matcher: HashMatcher, intervalMs: number, logger: Logger): () => void {
  if (intervalMs <= 0) return () => {};
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const applied = await matcher.poll(db);
      if (applied > 0) logger.debug({ changes: applied, seq: matcher.changeSeq, entries: matcher.size }, 'bank changes applied to the matcher');
    } catch (err) {
      if (!stopped) logger.warn({ err }, 'reading the bank change feed failed; retrying');
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
