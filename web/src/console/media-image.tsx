// An image under review: blurred and greyscale until the moderator reveals it (button: mouse or
// keyboard). Only one image is revealed at a time; the setting can turn blurring off.
import { useState } from 'react';
import { formatBytes } from '../shared/format.ts';
import type { Media } from '../shared/types.ts';
import { useWellbeing } from './wellbeing.tsx';

interface Props {
  media: Media;
  revealKey: string;
  description: string;
}

export function MediaImage({ media, revealKey, description }: Props) {
  const { keepBlurred, revealed, reveal } = useWellbeing();
  const [failed, setFailed] = useState(false);
  const hidden = keepBlurred && revealed !== revealKey;
  const size = media.width && media.height ? `${media.width}×${media.height}, ` : '';
  return (
    <figure className="media">
      <div className={hidden ? 'media-frame is-blurred' : 'media-frame is-revealed'}>
        {failed ? (
          <p className="media-missing">The image cannot be shown here: it may have been removed, blocked or held for review.</p>
        ) : (
          <img
            src={`/media/${encodeURIComponent(media.id)}`}
            alt={hidden ? `${description} (hidden)` : description}
            width={media.width}
            height={media.height}
            loading="lazy"
            onError={() => setFailed(true)}
          />
        )}
        {!failed && hidden && (
          <button type="button" className="media-reveal" onClick={() => reveal(revealKey)}>
            Show image<span className="visually-hidden">: {description}</span>
          </button>
        )}
        {!failed && !hidden && keepBlurred && (
          <button type="button" className="media-hide" onClick={() => reveal(null)}>
            Hide image<span className="visually-hidden">: {description}</span>
          </button>
        )}
      </div>
      <figcaption>
        {media.mime}, {size}
        {formatBytes(media.size)}
      </figcaption>
    </figure>
  );
}

/** A file that is not an image: named, never rendered. */
export function MediaFile({ media }: { media: Media }) {
  return (
    <p className="media-file">
      File: {media.mime}, {formatBytes(media.size)} ·{' '}
      <a href={`/media/${encodeURIComponent(media.id)}`} download>
        Download
      </a>
    </p>
  );
}
