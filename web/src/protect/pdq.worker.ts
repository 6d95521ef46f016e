// Decodes and hashes images off the page's thread, one at a time in the order received, so a
// large photo never freezes the page. Only the hash and its quality go back to the page.
import { pdqHash } from '../../../src/detection/pdq/index.ts';
import { DecodeProblem, decodePixels, offscreenContext, type Pixels } from './decode-pixels.ts';
import type { HashReply, HashRequest } from './hash-messages.ts';

// The page's lib types `self` as a Window; in a dedicated worker it is the worker's global scope.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<HashRequest>) => void) | null;
  postMessage(reply: HashReply): void;
};

async function handle(req: HashRequest): Promise<void> {
  scope.postMessage({ id: req.id, kind: 'started' });
  try {
    let pixels: Pixels;
    if ('pixels' in req) pixels = req.pixels;
    else if (typeof OffscreenCanvas === 'undefined') throw new DecodeProblem('no_canvas');
    else pixels = await decodePixels(req.file, offscreenContext);
    const { hash, quality } = pdqHash({ data: pixels.data, width: pixels.width, height: pixels.height, channels: 4 });
    scope.postMessage({ id: req.id, kind: 'done', hash, quality, width: pixels.width, height: pixels.height });
  } catch (err) {
    scope.postMessage({ id: req.id, kind: 'failed', problem: err instanceof DecodeProblem ? err.problem : 'undecodable' });
  }
}

let queue = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => handle(e.data));
};
