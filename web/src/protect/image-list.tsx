// The chosen images as a list: a tiny blurred thumbnail, the file name and where its fingerprint is.
import { useT } from '../shared/i18n.tsx';
import type { HashProblem } from './hash-messages.ts';
import { MIN_QUALITY } from './protect-types.ts';
import type { ImageItem } from './use-image-hashes.ts';

const PROBLEM: Record<HashProblem, string> = {
  undecodable: 'protectForm.undecodable',
  too_large: 'protectForm.tooLarge',
  no_canvas: 'protectForm.noCanvas',
};

function StateText({ item }: { item: ImageItem }) {
  const { t } = useT();
  const s = item.state;
  if (s.status === 'waiting') return <span className="muted">{t('protectForm.waiting')}</span>;
  if (s.status === 'hashing') return <span>{t('protectForm.hashing')}</span>;
  if (s.status === 'failed') return <span className="image-problem">{t(PROBLEM[s.problem])}</span>;
  if (s.quality < MIN_QUALITY) return <span className="image-problem">{t('protectForm.qualityLow', { quality: s.quality })}</span>;
  return <span className="image-ready">{t('protectForm.ready', { quality: s.quality })}</span>;
}

export function ImageList({ items, onRemove, disabled }: { items: ImageItem[]; onRemove(key: number): void; disabled?: boolean }) {
  const { t, intl } = useT();
  if (items.length === 0) return null;
  const size = (n: number) =>
    n < 1024
      ? t('protectForm.bytes', { n: intl.formatNumber(n) })
      : n < 1024 * 1024
        ? t('protectForm.kilobytes', { n: intl.formatNumber(n / 1024, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) })
        : t('protectForm.megabytes', { n: intl.formatNumber(n / 1024 / 1024, { maximumFractionDigits: 1, minimumFractionDigits: 1 }) });
  return (
    <ul className="image-list" aria-label={t('protectForm.chosen')}>
      {items.map((item) => (
        <li key={item.key} className={`image-item is-${item.state.status}`}>
          <img src={item.thumb} alt="" className="thumb" width={40} height={40} />
          <div className="image-main">
            {/* The file's own name, as she gave it: isolated, in its own direction. */}
            <bdi className="image-name" dir="auto">
              {item.name}
            </bdi>
            <span className="image-meta">
              {size(item.size)}
              {item.state.status === 'done' && ` · ${intl.formatNumber(item.state.width)} × ${intl.formatNumber(item.state.height)}`}
            </span>
            <StateText item={item} />
          </div>
          <button
            type="button"
            className="remove"
            onClick={() => onRemove(item.key)}
            disabled={disabled}
            aria-label={t('protectForm.removeName', { name: item.name })}
          >
            {t('protectForm.remove')}
          </button>
        </li>
      ))}
    </ul>
  );
}
