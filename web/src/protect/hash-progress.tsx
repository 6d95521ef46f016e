// "Making fingerprints: 2 of 5", announced politely to screen readers as it moves.
import type { ImageItem } from './use-image-hashes.ts';

export function HashProgress({ items }: { items: ImageItem[] }) {
  const total = items.length;
  const finished = items.filter((i) => i.state.status === 'done' || i.state.status === 'failed').length;
  const current = items.findIndex((i) => i.state.status === 'hashing');
  const text =
    total === 0
      ? ''
      : finished === total
        ? `${total === 1 ? 'The image has' : `All ${total} images have`} been read.`
        : current >= 0
          ? `Making fingerprints: image ${current + 1} of ${total}…`
          : `Preparing ${total - finished} image${total - finished === 1 ? '' : 's'}…`;
  return (
    <div className="hash-progress">
      {total > 0 && finished < total && <progress value={finished} max={total} aria-hidden="true" />}
      <p role="status" aria-live="polite" className="progress-text">
        {text}
      </p>
    </div>
  );
}
