// Rendered channel and post pages, kept for as long as the database has not changed since they were read.
//
// Validity is exact, not a time bound: an entry is stored under the version of the database it was read
// from (`PRAGMA data_version` of the read connection, which changes when any connection of any process
// commits) and served only while that version is current, so a block, removal, restriction, hold, new
// post or edit is shown from the first request after its commit. A page is stored only when no commit
// happened while it was being read (same version before and after), and never when the visibility
// source is not the database (tests swap it). A refusal (`AppError`: the 451 of a restricted channel,
// a 404) is kept the same way and thrown again; any other error is not kept. Where there is no such
// version (PostgreSQL), nothing is cached. While reports arrive, every commit empties it in effect: a
// hot page is then read once per commit instead of once per request.
import { AppError } from '../../shared/errors.ts';

/** A page as rendered, or the refusal its rendering threw (kept and thrown again). */
type Rendered = { html: string } | { error: AppError };

export class PageCache {
  #version: () => number | undefined;
  #max: number;
  #entries = new Map<string, { version: number } & Rendered>();
  hits = 0;
  misses = 0;

  constructor(version: () => number | undefined, max = 1000) {
    this.#version = version;
    this.#max = max;
  }

  /** The page at `key` (which must name everything the page depends on besides the database). */
  async get(key: string, render: () => Promise<string>): Promise<string> {
    const before = this.#version();
    if (before === undefined) return render();
    const hit = this.#entries.get(key);
    if (hit?.version === before) {
      this.hits++;
      if ('error' in hit) throw hit.error;
      return hit.html;
    }
    this.misses++;
    let html: string;
    try {
      html = await render();
    } catch (err) {
      if (err instanceof AppError) this.#store(key, before, { error: err });
      throw err;
    }
    this.#store(key, before, { html });
    return html;
  }

  #store(key: string, before: number, entry: Rendered): void {
    if (this.#version() === before) {
      this.#entries.delete(key);
      if (this.#entries.size >= this.#max) {
        // Stale entries first, then the oldest: the map is bounded whatever keys requests make up.
        for (const [k, e] of this.#entries) if (e.version !== before) this.#entries.delete(k);
        const oldest = this.#entries.keys().next();
        if (this.#entries.size >= this.#max && !oldest.done) this.#entries.delete(oldest.value);
      }
      this.#entries.set(key, { version: before, ...entry });
    }
  }
}
