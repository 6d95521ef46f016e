// Keeps a process's matcher in step with bank changes made anywhere (the CLI, other API processes):
// reads the banks' change feed every `intervalMs` and applies what is new (HashMatcher.poll). One read
// of an indexed range of `bank_changes` when nothing changed.
//
// Polling is the transport that works on both databases. A wake-up (PostgreSQL's LISTEN/NOTIFY, wired in
// context.ts) reads the feed at once instead of at the next tick; polling stays as the fallback, and
// `poll` only ever applies changes after the last sequence number it saw, so an early or extra read is harmless.
import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { HashMatcher } from './hash-matcher.ts';

/** Calls `wake` whenever the feed may have grown; returns a function that stops it. */
export type FeedWakeUps = (wake: () => void) => () => Promise<void>;

/** Starts following; returns a function that stops it (a poll in flight finishes, its result unused). */
export function followBankChanges(db: Db, matcher: HashMatcher, intervalMs: number, logger: Logger, wakeUps?: FeedWakeUps): () => Promise<void> {
  if (intervalMs <= 0) return async () => {};
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // One read at a time: wake-ups during a read are folded into one more read right after it.
  let reading = false;
  let again = false;
  const tick = async () => {
    clearTimeout(timer);
    reading = true;
    try {
      const applied = await matcher.poll(db);
      if (applied > 0) logger.debug({ changes: applied, seq: matcher.changeSeq, entries: matcher.size }, 'bank changes applied to the matcher');
    } catch (err) {
      if (!stopped) logger.warn({ err }, 'reading the bank change feed failed; retrying');
    }
    reading = false;
    if (stopped) return;
    if (again) {
      again = false;
      void tick();
    } else schedule();
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  const wake = () => {
    if (stopped) return;
    if (reading) again = true;
    else void tick();
  };
  schedule();
  const stopWakeUps = wakeUps?.(wake);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await stopWakeUps?.();
  };
}
