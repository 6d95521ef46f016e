// An image file → its RGBA pixels at full resolution, decoded by the browser the way the server
// decodes uploads (src/detection/pdq-decode.ts): no resizing, no EXIF rotation (see strip-exif.ts),
// embedded colour profiles ignored. One known difference: a canvas keeps colours premultiplied by
// alpha, so the colour of fully transparent pixels is lost (the server keeps it); opaque images,
// which photos are, decode identically.
import type { HashProblem } from './hash-messages.ts';
import { stripExif } from './strip-exif.ts';

/** The server refuses larger images (PDQ_DEFAULT_PIXEL_LIMIT); they could not be uploaded here either. */
export const MAX_PIXELS = 100_000_000;

export class DecodeProblem extends Error {
  readonly problem: HashProblem;
  constructor(problem: HashProblem) {
    super(problem);
    this.problem = problem;
  }
}

export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** `context` gives a 2D context of the size asked: an OffscreenCanvas in the worker, a <canvas> on the page. */
export async function decodePixels(file: Blob, context: (width: number, height: number) => Context2D | null): Promise<Pixels> {
  const bytes = stripExif(new Uint8Array(await file.arrayBuffer()));
  let bitmap: ImageBitmap;
  try {
    // A view of a plain ArrayBuffer (typed ArrayBufferLike), which Blob accepts.
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
  } catch {
    throw new DecodeProblem('undecodable');
  }
  try {
    const { width, height } = bitmap;
    if (width * height > MAX_PIXELS) throw new DecodeProblem('too_large');
    const ctx = context(width, height);
    if (!ctx) throw new DecodeProblem('no_canvas');
    ctx.drawImage(bitmap, 0, 0);
    return { data: ctx.getImageData(0, 0, width, height).data, width, height };
  } finally {
    bitmap.close();
  }
}

export function offscreenContext(width: number, height: number): OffscreenCanvasRenderingContext2D | null {
  return new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
}

export function documentContext(width: number, height: number): CanvasRenderingContext2D | null {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas.getContext('2d', { willReadFrequently: true });
}
