// The chosen images as a list: a tiny blurred thumbnail, the file name and where its fingerprint is.
import { formatBytes } from '../shared/format.ts';
import type { HashProblem } from './hash-messages.ts';
import { MIN_QUALITY } from './protect-types.ts';
import type { ImageItem } from './use-image-hashes.ts';

const PROBLEM: Record<HashProblem, string> = {
  undecodable: 'This browser couldn’t open the file as an image. If it is an iPhone (HEIC) photo, save it as JPEG first, or try another browser.',
  too_large: 'This image is too large to fingerprint here (more than 100 megapixels).',
  no_canvas: 'This browser can’t read the image’s pixels. Please try an up-to-date browser.',
};

function StateText({ item }: { item: ImageItem }) {
  const s = item.state;
  if (s.status === 'waiting') return <span className="muted">Waiting…</span>;
  if (s.status === 'hashing') return <span>Making its fingerprint…</span>;
  if (s.status === 'failed') return <span className="image-problem">{PROBLEM[s.problem]}</span>;
  if (s.quality < MIN_QUALITY) return <span className="image-problem">Quality {s.quality} of 100: too low to match reliably, so it will not be sent.</span>;
  return <span className="image-ready">Fingerprint ready · quality {s.quality} of 100</span>;
}

export function ImageList({ items, onRemove, disabled }: { items: ImageItem[]; onRemove(key: number): void; disabled?: boolean }) {
  if (items.length === 0) return null;
  return (
    <ul className="image-list" aria-label="Chosen images">
      {items.map((item) => (
        <li key={item.key} className={`image-item is-${item.state.status}`}>
          <img src={item.thumb} alt="" className="thumb" width={40} height={40} />
          <div className="image-main">
            <span className="image-name" dir="auto">
              {item.name}
            </span>
            <span className="image-meta">
              {formatBytes(item.size)}
              {item.state.status === 'done' && ` · ${item.state.width} × ${item.state.height}`}
            </span>
            <StateText item={item} />
          </div>
          <button type="button" className="remove" onClick={() => onRemove(item.key)} disabled={disabled} aria-label={`Remove ${item.name}`}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
