// "Making fingerprints: 2 of 5", announced politely to screen readers as it moves.
import { useT } from '../shared/i18n.tsx';
import type { ImageItem } from './use-image-hashes.ts';

export function HashProgress({ items }: { items: ImageItem[] }) {
  const { t } = useT();
  const total = items.length;
  const finished = items.filter((i) => i.state.status === 'done' || i.state.status === 'failed').length;
  const current = items.findIndex((i) => i.state.status === 'hashing');
  const text =
    total === 0
      ? ''
      : finished === total
        ? t('protectForm.allRead', { count: total })
        : current >= 0
          ? t('protectForm.making', { current: current + 1, total })
          : t('protectForm.preparing', { count: total - finished });
  return (
    <div className="hash-progress">
      {total > 0 && finished < total && <progress value={finished} max={total} aria-hidden="true" />}
      <p role="status" aria-live="polite" className="progress-text">
        {text}
      </p>
    </div>
  );
}
