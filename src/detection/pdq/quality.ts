// The reference's image-domain quality metric (pdqImageDomainQualityMetric): the number of
// significant vertical and horizontal steps in the 64×64 downsample, scaled to 0..100.

const fround = Math.fround;

/** Integer part of (u - v)·100/255 with every operation in float32, as `int d = ((u-v)*100)/255`. */
function step(u: number, v: number): number {
  return Math.abs(Math.trunc(fround(fround(fround(u - v) * 100) / 255)));
}

export function pdqQuality(a64: Float32Array): number {
  let gradientSum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) gradientSum += step(a64[i * 64 + j], a64[(i + 1) * 64 + j]);
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) gradientSum += step(a64[i * 64 + j], a64[i * 64 + j + 1]);
  }
  return Math.min(100, Math.trunc(gradientSum / 90));
}
