import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { DecodePool } from './decode-pool.ts';
import { decodeForPdq, pdqHashFile } from './pdq-decode.ts';
import { md5Hex, sha256Hex } from './file-hashes.ts';
import { pdqHash } from './pdq/index.ts';
import { AppError, BusyError } from '../shared/errors.ts';

const noise = (width: number, height: number, format: 'png' | 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    [format]()
    .toBuffer();
const gradient = (width: number, height: number) => {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([(x * 255) / width, (y * 255) / height, (x ^ y) & 255, 128 + (x % 127)], (y * width + x) * 4);
  return sharp(data, { raw: { width, height, channels: 4 } })
    .webp({ lossless: true })
    .toBuffer();
};

describe('decode pool', () => {
  const pool = new DecodePool({ workers: 2, queue: 2 });
  after(() => pool.close());

  test('hashes and digests equal the in-thread computation bit for bit', async () => {
    const images = [await noise(640, 480, 'jpeg'), await noise(301, 199, 'png'), await gradient(257, 130)];
    for (const bytes of images) {
      const [inPool, facts] = await Promise.all([pool.pdq(bytes), pool.upload(bytes, true, 50_000_000)]);
      assert.deepEqual(inPool, await pdqHashFile(bytes));
      assert.equal(facts.md5, md5Hex(bytes));
      assert.equal(facts.sha256, sha256Hex(bytes));
      const meta = await sharp(bytes).metadata();
      assert.deepEqual(facts.image, { width: meta.width, height: meta.height, pdq: pdqHash(await decodeForPdq(bytes, { failOn: 'truncated' })) });
      assert.deepEqual(facts.image?.pdq, { hash: inPool.hash, quality: inPool.quality });
    }
  });

  test('a file that is not an image gets its digests only', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 not really');
    assert.deepEqual(await pool.upload(bytes, false, 1000), { md5: md5Hex(bytes), sha256: sha256Hex(bytes) });
  });

  test('a corrupt or oversized image is refused with the same errors as before', async () => {
    const full = await noise(200, 200, 'png');
    await assert.rejects(
      pool.upload(full.subarray(0, full.length / 2), true, 50_000_000),
      (e) => e instanceof AppError && e.code === 'image_corrupt' && e.status === 422,
    );
    await assert.rejects(pool.upload(full, true, 39_999), (e) => e instanceof AppError && e.code === 'image_too_large' && e.status === 422);
    await assert.rejects(pool.upload(full.subarray(0, 20), true, 50_000_000), (e) => e instanceof AppError && e.status === 422);
  });
});

describe('decode pool limits', () => {
  test('when every worker is busy and the queue is full, the next task is refused with 503 busy at once', async () => {
    const pool = new DecodePool({ workers: 1, queue: 1 });
    try {
      const big = await noise(2000, 2000, 'png');
      const running = [pool.pdq(big), pool.pdq(big)];
      assert.equal(pool.pending, 2);
      await assert.rejects(pool.pdq(big), (e) => e instanceof BusyError && e.status === 503 && e.code === 'busy' && e.retryAfter > 0);
      await Promise.all(running);
      assert.equal(pool.pending, 0);
      assert.equal((await pool.pdq(big)).width, 2000);
    } finally {
      await pool.close();
    }
  });

  test('a worker that dies fails its task cleanly and is replaced', async () => {
    const pool = new DecodePool({ workers: 1, queue: 4, filename: new URL('../../test/fixtures/crashing-decode-worker.ts', import.meta.url).href });
    try {
      const ok = await noise(64, 64, 'png');
      const before = await pool.pdq(ok);
      await assert.rejects(pool.pdq(new Uint8Array([1])), (e) => e instanceof Error && !(e instanceof AppError));
      assert.equal(pool.pending, 0);
      assert.deepEqual(await pool.pdq(ok), before);
      // Tasks queued behind the one that crashes still run on the replacement (with Piscina's own queue
      // and minThreads 0 they waited for ever: nothing started a thread for them).
      const results = await Promise.allSettled([pool.pdq(new Uint8Array([1])), pool.pdq(ok), pool.pdq(ok)]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['rejected', 'fulfilled', 'fulfilled'],
      );
      assert.deepEqual((results[2] as PromiseFulfilledResult<unknown>).value, before);
      // Two workers: one dies while the other works and tasks wait; all waiting tasks are served.
      const two = new DecodePool({ workers: 2, queue: 8, filename: new URL('../../test/fixtures/crashing-decode-worker.ts', import.meta.url).href });
      try {
        const mixed = await Promise.allSettled([
          two.pdq(ok),
          two.pdq(new Uint8Array([1])),
          two.pdq(ok),
          two.pdq(new Uint8Array([1])),
          two.pdq(ok),
          two.pdq(ok),
        ]);
        assert.deepEqual(
          mixed.map((r) => r.status),
          ['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
        );
        assert.equal(two.pending, 0);
        assert.ok(two.threads <= 2);
      } finally {
        await two.close();
      }
    } finally {
      await pool.close();
    }
  });

  test('threads start with the first task and end when idle; the next task starts one again', async () => {
    const pool = new DecodePool({ workers: 2, queue: 2, idleMs: 200 });
    try {
      assert.equal(pool.threads, 0);
      const ok = await noise(64, 64, 'png');
      const first = await pool.pdq(ok);
      assert.ok(pool.threads >= 1);
      for (let waited = 0; pool.threads > 0 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      assert.equal(pool.threads, 0);
      assert.deepEqual(await pool.pdq(ok), first);
    } finally {
      await pool.close();
    }
  });

  test('a closed pool fails the tasks still waiting for a thread', async () => {
    const pool = new DecodePool({ workers: 1, queue: 2 });
    const big = await noise(1500, 1500, 'png');
    const running = pool.pdq(big);
    const waiting = pool.pdq(big);
    await pool.close();
    await assert.rejects(waiting, /closed/);
    await assert.rejects(running);
    await assert.rejects(pool.pdq(big), /closed/);
  });
});
