// The pixel buffer accepted by the hasher: 8-bit samples, row-major, interleaved channels.

export interface PdqPixels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** 1 = grey, 3 = RGB, 4 = RGBA (alpha ignored). */
  channels: 1 | 3 | 4;
}

/** Throws a descriptive Error if `pixels` cannot be read as described. */
export function assertValidPixels(pixels: PdqPixels): void {
  const { data, width, height, channels } = pixels;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new Error(`PDQ: width and height must be non-negative integers, got ${width}×${height}`);
  }
  if (channels !== 1 && channels !== 3 && channels !== 4) {
    throw new Error(`PDQ: channels must be 1, 3 or 4, got ${channels}`);
  }
  const needed = width * height * channels;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray) || data.length < needed) {
    throw new Error(`PDQ: pixel data must be a Uint8Array of at least ${needed} bytes for ${width}×${height}×${channels}`);
  }
}
