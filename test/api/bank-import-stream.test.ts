// Regression: `vigil banks import` lost every line (and on PostgreSQL exited 0 on a bad file) because the
// import awaited the database before it started reading, while readline had already emitted the lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter, on } from 'node:events';
import { startTestApp } from '../helpers/test-app.ts';

/** Like readline: emits its lines on its own schedule; only an iterator that already exists sees them. */
function eagerLines(lines: string[]): AsyncIterable<string> {
  const emitter = new EventEmitter();
  queueMicrotask(() => {
    for (const l of lines) emitter.emit('line', l);
    emitter.emit('close');
  });
  return {
    [Symbol.asyncIterator]() {
      const events = on(emitter, 'line', { close: ['close'] });
      return (async function* () {
        for await (const [l] of events) yield l as string;
      })();
    },
  };
}

test('an import reads every line of a source that starts emitting at once', { timeout: 10_000 }, async () => {
  const t = await startTestApp();
  try {
    await t.ctx.banks.create({ name: 'stream-import', category: 'other' });
    const lines = Array.from({ length: 50 }, (_, i) => (i + 1).toString(16).padStart(64, '0'));
    const res = await t.ctx.banks.import('stream-import', eagerLines([...lines, 'not-a-hash']));
    assert.deepEqual(res.rejected, [{ line: 51, message: 'malformed pdq hash "not-a-hash": expected 64 hexadecimal characters' }]);
  } finally {
    await t.close();
  }
});
