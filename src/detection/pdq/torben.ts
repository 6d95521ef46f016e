// Torben Mogensen's selection algorithm as in the reference (pdq/cpp/hashing/torben.cpp):
// it never reorders its input, and for n = 256 it returns the lower median (sorted[127]).
// Ported operation for operation, with the midpoint `guess` rounded to float32 as in C++.

export function torbenMedian(m: Float32Array, n: number = m.length): number {
  let min = m[0];
  let max = m[0];
  for (let i = 1; i < n; i++) {
    const v = m[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const half = (n + 1) >> 1;
  let less = 0;
  let greater = 0;
  let equal = 0;
  let guess = 0;
  let maxLtGuess = 0;
  let minGtGuess = 0;
  for (;;) {
    guess = Math.fround(Math.fround(min + max) / 2);
    less = 0;
    greater = 0;
    equal = 0;
    maxLtGuess = min;
    minGtGuess = max;
    for (let i = 0; i < n; i++) {
      const v = m[i];
      if (v < guess) {
        less++;
        if (v > maxLtGuess) maxLtGuess = v;
      } else if (v > guess) {
        greater++;
        if (v < minGtGuess) minGtGuess = v;
      } else {
        equal++;
      }
    }
    if (less <= half && greater <= half) break;
    if (less > greater) max = maxLtGuess;
    else min = minGtGuess;
  }
  if (less >= half) return maxLtGuess;
  if (less + equal >= half) return guess;
  return minGtGuess;
}
