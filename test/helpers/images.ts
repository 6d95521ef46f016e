// Test images made with sharp, so tests need no binary fixtures.
import sharp from 'sharp';

export function pngImage(width = 64, height = 48, colour = '#3366cc'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
}

export function jpegImage(width = 64, height = 48, colour = '#cc6633'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer();
}

/** A PNG whose header claims width×height pixels: a decompression bomb for any decoder that trusts it. */
export async function bombPng(width: number, height: number): Promise<Buffer> {
  const small = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer();
  const buf = Buffer.from(small);
  // IHDR starts at byte 8 (length) + 4 ('IHDR'); width and height are the next two big-endian u32.
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  // Recompute the IHDR CRC so the file is well-formed apart from its size.
  const { crc32 } = await import('node:zlib');
  buf.writeUInt32BE(crc32(buf.subarray(12, 29)) >>> 0, 29);
  return buf;
}
