// Runs in the decode pool's worker threads (decode-pool.ts): everything heavy about an uploaded file, so
// the event loop only parses requests and answers them. One task at a time per worker; sharp keeps no
// cache and uses one libvips thread, so a worker holds at most one decoded image.
import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import vm from 'node:vm';
import sharp, { type Metadata } from 'sharp';
import { pdqHash } from './pdq/index.ts';
import { decodeForPdq, pdqHashFile, type PdqDecodeOptions } from './pdq-decode.ts';

sharp.cache(false);
sharp.concurrency(1);

// The decoded pixels live outside V8's heap, in a buffer V8 does not count: without a collection the
// worker would keep its last images (147 MB for 49 megapixels) long after hashing them. So the worker
// collects once 32 MB of pixels have been decoded since the last time, after answering. (Worker threads
// cannot take --expose-gc; the flag set here reaches the gc of a new context.)
v8.setFlagsFromString('--expose-gc');
const collectGarbage: () => void = vm.runInNewContext('gc');
const COLLECT_AFTER_BYTES = 32 * 1024 * 1024;
let decodedSinceCollect = 0;
function decoded(width: number, height: number): void {
  decodedSinceCollect += width * height * 3;
  if (decodedSinceCollect < COLLECT_AFTER_BYTES) return;
  decodedSinceCollect = 0;
  setImmediate(collectGarbage);
}

/** An expected refusal, answered to the client as it is (the worker cannot throw our error class across threads). */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

export interface UploadFacts {
  md5: string;
  sha256: string;
  /** Set for images: dimensions from the header and the PDQ hash of the one full decode. */
  image?: { width: number; height: number; pdq: { hash: string; quality: number } };
}

export type DecodeTask =
  | { op: 'upload'; bytes: Uint8Array; image: boolean; maxImagePixels: number }
  | { op: 'pdq'; bytes: Uint8Array; options?: PdqDecodeOptions };

export type DecodeResult =
  | { ok: true; upload: UploadFacts }
  | { ok: true; pdq: { hash: string; quality: number; width: number; height: number } }
  | { ok: false; refusal: Refusal };

export function digests(bytes: Uint8Array): { md5: string; sha256: string } {
  return { md5: createHash('md5').update(bytes).digest('hex'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Checks an image upload and hashes it from a single decode: the header gives the dimensions (a
 * decompression bomb is refused before any pixel is made), then one full decode finds truncated or
 * corrupt data and gives the pixels PDQ hashes. The refusals are the ones the upload always answered.
 */
export async function inspectImage(bytes: Uint8Array, maxImagePixels: number): Promise<UploadFacts['image'] | Refusal> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { status: 422, code: 'image_unreadable', message: 'The image could not be read.' };
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > maxImagePixels) {
    return {
      status: 422,
      code: 'image_too_large',
      message: `The image is ${width}×${height} pixels; at most ${maxImagePixels.toLocaleString('en')} pixels are accepted.`,
      details: { width, height, maxPixels: maxImagePixels },
    };
  }
  let pixels: Awaited<ReturnType<typeof decodeForPdq>>;
  try {
    pixels = await decodeForPdq(bytes, { limitInputPixels: maxImagePixels, failOn: 'truncated' });
  } catch {
    return { status: 422, code: 'image_corrupt', message: 'The image is truncated or corrupt and could not be decoded.' };
  }
  decoded(pixels.width, pixels.height);
  return { width, height, pdq: pdqHash(pixels) };
}

export default async function run(task: DecodeTask): Promise<DecodeResult> {
  if (task.op === 'pdq') {
    const pdq = await pdqHashFile(task.bytes, task.options);
    decoded(pdq.width, pdq.height);
    return { ok: true, pdq };
  }
  const facts: UploadFacts = digests(task.bytes);
  if (task.image) {
    const image = await inspectImage(task.bytes, task.maxImagePixels);
    if (image && 'code' in image) return { ok: false, refusal: image };
    facts.image = image;
  }
  return { ok: true, upload: facts };
}
