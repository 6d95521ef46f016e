import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { decodeForPdq, pdqHashFile } from './pdq-decode.ts';
import { pdqHash } from './pdq/index.ts';

function gradient(width: number, height: number, channels: 1 | 3 | 4): Uint8Array {
  const data = new Uint8Array(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = c === 3 ? (x * 7) & 255 : (x * 3 + y * 5 + c * 60) & 255;
    }
  }
  return data;
}

test('lossless RGB decodes to the same pixels and hash', async () => {
  const data = gradient(90, 70, 3);
  const png = await sharp(data, { raw: { width: 90, height: 70, channels: 3 } })
    .png()
    .toBuffer();
  const decoded = await decodeForPdq(png);
  assert.deepEqual({ ...decoded, data: Buffer.from(decoded.data) }, { data: Buffer.from(data), width: 90, height: 70, channels: 3 });
  assert.deepEqual(await pdqHashFile(png), { ...pdqHash({ data, width: 90, height: 70, channels: 3 }), width: 90, height: 70 });
});

test('alpha is dropped without compositing, as pytx hashes channels 0..2', async () => {
  const rgba = gradient(40, 30, 4);
  const png = await sharp(rgba, { raw: { width: 40, height: 30, channels: 4 } })
    .png()
    .toBuffer();
  const { data } = await decodeForPdq(png);
  for (let i = 0; i < 40 * 30; i++) assert.deepEqual([...data.subarray(i * 3, i * 3 + 3)], [...rgba.subarray(i * 4, i * 4 + 3)]);
});

test('grey becomes R = G = B; 16-bit samples are scaled to 8 bits', async () => {
  const grey = gradient(32, 16, 1);
  const png8 = await sharp(grey, { raw: { width: 32, height: 16, channels: 1 } })
    .png()
    .toBuffer();
  const wide = new Uint16Array(grey.length).map((_, i) => grey[i] * 257);
  const png16 = await sharp(wide, { raw: { width: 32, height: 16, channels: 1 } })
    .toColourspace('grey16')
    .png()
    .toBuffer();
  assert.equal((await sharp(png16).metadata()).depth, 'ushort');
  for (const png of [png8, png16]) {
    const { data } = await decodeForPdq(png);
    for (let i = 0; i < grey.length; i++) assert.deepEqual([...data.subarray(i * 3, i * 3 + 3)], [grey[i], grey[i], grey[i]]);
  }
});

test('EXIF orientation is not applied', async () => {
  const jpeg = await sharp(gradient(60, 20, 3), { raw: { width: 60, height: 20, channels: 3 } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .toBuffer();
  assert.equal((await sharp(jpeg).metadata()).orientation, 6);
  const { width, height } = await decodeForPdq(jpeg);
  assert.deepEqual([width, height], [60, 20]);
});

test('refuses non-images, vector formats and images over the pixel limit', async () => {
  await assert.rejects(decodeForPdq(new TextEncoder().encode('hello')), /unsupported image format/);
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>');
  await assert.rejects(decodeForPdq(svg), /unsupported image format for PDQ: svg/);
  const png = await sharp(gradient(50, 50, 3), { raw: { width: 50, height: 50, channels: 3 } })
    .png()
    .toBuffer();
  await assert.rejects(decodeForPdq(png, { limitInputPixels: 2499 }), /pixel limit/);
  assert.equal((await decodeForPdq(png, { limitInputPixels: 2500 })).width, 50);
});

test('a truncated file is refused by default and hashed what can be decoded with failOn none', async () => {
  const jpeg = await sharp(gradient(64, 64, 3), { raw: { width: 64, height: 64, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const truncated = jpeg.subarray(0, Math.floor(jpeg.length * 0.7));
  await assert.rejects(decodeForPdq(truncated));
  assert.equal((await decodeForPdq(truncated, { failOn: 'none' })).height, 64);
});
