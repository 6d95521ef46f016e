import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SlotIds } from './slot-ids.ts';
import { seededRandom } from './pdq-test-hashes.ts';

test('SlotIds tracks a Map model through puts, replacements, releases, growth and compaction', () => {
  const next = seededRandom(3);
  const slots = new SlotIds(16);
  const model = new Map<number, number>(); // id → slot
  let count = 0;
  let capacity = 16;
  const check = () => {
    assert.equal(slots.size, model.size);
    for (const [id, slot] of model) {
      assert.equal(slots.slotOf(id), slot);
      assert.equal(slots.ids[slot], id);
    }
  };
  for (let round = 0; round < 6; round++) {
    for (let i = 0; i < 3000; i++) {
      // Small id range: many replacements; sequential and scattered ids both occur.
      const id = i % 3 === 0 ? 1 + (next() % 4000) : 1 + (next() >>> 1);
      if (next() % 4 === 0) {
        const expected = model.get(id) ?? -1;
        assert.equal(slots.release(id), expected);
        if (expected >= 0) assert.equal(slots.ids[expected], 0);
        model.delete(id);
      } else {
        if (count === capacity) {
          capacity *= 2;
          slots.resize(capacity, count);
        }
        const previous = model.get(id) ?? -1;
        assert.equal(slots.put(id, count), previous);
        if (previous >= 0) assert.equal(slots.ids[previous], 0);
        model.set(id, count++);
      }
    }
    check();
    count = slots.compact(count);
    const order = [...model.entries()].sort((a, b) => a[1] - b[1]);
    for (const [slot, [id]] of order.entries()) model.set(id, slot);
    assert.equal(count, model.size);
    check();
  }
  assert.equal(slots.slotOf(0x7fffffff), -1);
  assert.equal(slots.release(0x7fffffff), -1);
});
