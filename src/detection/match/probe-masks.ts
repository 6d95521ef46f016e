// XOR masks that enumerate every 16-bit slot value within a given Hamming radius of a query's slot
// value. Radius r = ⌊d/16⌋ for a whole-hash distance d ≤ 63, so r ≤ 3: 1, 17, 137 and 697 probes.

import { popcount32 } from './pdq-bits.ts';

function masksWithin(radius: number): Uint16Array {
  const masks: number[] = [];
  for (let m = 0; m < 1 << 16; m++) if (popcount32(m) <= radius) masks.push(m);
  return Uint16Array.from(masks);
}

export const PROBE_MASKS: readonly Uint16Array[] = [0, 1, 2, 3].map(masksWithin);
