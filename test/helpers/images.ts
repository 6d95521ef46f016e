// Test images made with sharp, so tests need no binary fixtures.
import sharp from 'sharp';

export function pngImage(width = 64, height = 48, colour = '#3366cc'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .png()
    .toBuffer();
}

export function jpegImage(width = 64, height = 48, colour = '#cc6633'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

/** A PNG whose header claims width×height pixels: a decompression bomb for any decoder that trusts it. */
export async function bombPng(width: number, height: number): Promise<Buffer> {
  const small = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  const buf = Buffer.from(small);
  // IHDR starts at byte 8 (length) + 4 ('IHDR'); width and height are the next two big-endian u32.
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  // Recompute the IHDR CRC so the file is well-formed apart from its size.
  const { crc32 } = await import('node:zlib');
  buf.writeUInt32BE(crc32(buf.subarray(12, 29)) >>> 0, 29);
  return buf;
}

/** A structured picture (shapes and gradients, no text) whose PDQ hash has high quality; `seed` varies it. */
export function patternImage(seed: number, width = 320, height = 240, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const r = (k: number) => ((seed * 9301 + k * 49297) % 233280) / 233280;
  const cells = Array.from(
    { length: 192 },
    (_, k) =>
      `<rect x="${((k % 16) * width) / 16}" y="${(Math.floor(k / 16) * height) / 12}" width="${width / 16}" height="${height / 12}" fill="hsl(${Math.round(r(k + 100) * 360)},50%,${15 + Math.round(r(k + 300) * 70)}%)" fill-opacity="0.55"/>`,
  ).join('');
  const shapes =
    cells +
    Array.from(
      { length: 12 },
      (_, k) =>
        `<circle cx="${Math.round(r(k) * width)}" cy="${Math.round(r(k + 20) * height)}" r="${10 + Math.round(r(k + 40) * 60)}" fill="hsl(${Math.round(r(k + 60) * 360)},70%,${30 + Math.round(r(k + 80) * 40)}%)"/>`,
    ).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(seed * 37) % 360},60%,20%)"/><stop offset="1" stop-color="hsl(${(seed * 37 + 180) % 360},60%,80%)"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  const img = sharp(Buffer.from(svg));
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 85 }).toBuffer();
}
