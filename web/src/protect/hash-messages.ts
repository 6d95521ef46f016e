// Messages between the page and the hashing worker (pdq.worker.ts).

/** Why an image got no usable fingerprint. */
export type HashProblem = 'undecodable' | 'too_large' | 'no_canvas';

export type HashRequest =
  | { id: number; file: Blob }
  /** Pixels decoded by the page itself, where workers cannot draw (no OffscreenCanvas). */
  | { id: number; pixels: { data: Uint8ClampedArray; width: number; height: number } };

export type HashReply =
  | { id: number; kind: 'started' }
  | { id: number; kind: 'done'; hash: string; quality: number; width: number; height: number }
  | { id: number; kind: 'failed'; problem: HashProblem };
