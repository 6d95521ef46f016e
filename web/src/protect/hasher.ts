// Hashes image files in a module worker, in the order given. Where the worker cannot draw
// (no OffscreenCanvas) the page decodes and the worker still hashes; where there is no module
// worker at all, the page does both, more slowly but with the same result.
import { DecodeProblem, decodePixels, documentContext } from './decode-pixels.ts';
import type { HashProblem, HashReply, HashRequest } from './hash-messages.ts';

export type HashOutcome = { ok: true; hash: string; quality: number; width: number; height: number } | { ok: false; problem: HashProblem };

export interface Hasher {
  /** `onStart` is called when this file's turn comes. */
  hash(file: File, onStart: () => void): Promise<HashOutcome>;
  close(): void;
}

interface Job {
  file: File;
  onStart(): void;
  resolve(o: HashOutcome): void;
  decodedHere?: boolean;
}

const problemOf = (err: unknown): HashProblem => (err instanceof DecodeProblem ? err.problem : 'undecodable');

export function createHasher(): Hasher {
  const jobs = new Map<number, Job>();
  let next = 1;
  let worker: Worker | undefined;
  let onPage = Promise.resolve();

  /** Both steps on the page's thread (no worker): slower, and the page may pause on big photos. */
  function hashOnPage(job: Job) {
    onPage = onPage.then(async () => {
      job.onStart();
      try {
        const { pdqHash } = await import('../../../src/detection/pdq/index.ts');
        const px = await decodePixels(job.file, documentContext);
        job.resolve({ ok: true, ...pdqHash({ ...px, channels: 4 }), width: px.width, height: px.height });
      } catch (err) {
        job.resolve({ ok: false, problem: problemOf(err) });
      }
    });
  }

  async function decodeHereFor(id: number, job: Job) {
    job.decodedHere = true;
    try {
      const pixels = await decodePixels(job.file, documentContext);
      worker?.postMessage({ id, pixels } satisfies HashRequest, [pixels.data.buffer]);
    } catch (err) {
      jobs.delete(id);
      job.resolve({ ok: false, problem: problemOf(err) });
    }
  }

  function onReply(r: HashReply) {
    const job = jobs.get(r.id);
    if (!job) return;
    if (r.kind === 'started') {
      if (!job.decodedHere) job.onStart();
      return;
    }
    if (r.kind === 'failed' && r.problem === 'no_canvas' && !job.decodedHere) {
      void decodeHereFor(r.id, job);
      return;
    }
    jobs.delete(r.id);
    job.resolve(r.kind === 'done' ? { ok: true, hash: r.hash, quality: r.quality, width: r.width, height: r.height } : { ok: false, problem: r.problem });
  }

  try {
    worker = new Worker(new URL('./pdq.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<HashReply>) => onReply(e.data);
    // The worker script did not load (no module workers): hash what is waiting on the page.
    worker.onerror = () => {
      worker?.terminate();
      worker = undefined;
      for (const job of jobs.values()) hashOnPage(job);
      jobs.clear();
    };
  } catch {
    worker = undefined;
  }

  return {
    hash(file, onStart) {
      return new Promise<HashOutcome>((resolve) => {
        const job: Job = { file, onStart, resolve };
        if (!worker) {
          hashOnPage(job);
          return;
        }
        const id = next++;
        jobs.set(id, job);
        worker.postMessage({ id, file } satisfies HashRequest);
      });
    },
    close() {
      worker?.terminate();
      worker = undefined;
      jobs.clear();
    },
  };
}
