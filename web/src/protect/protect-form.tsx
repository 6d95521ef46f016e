// Step 1 and 2: choose images (fingerprinted on this device as they arrive), then send the fingerprints.
import { useState } from 'react';
import { publicApi } from '../shared/api.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { useT } from '../shared/i18n.tsx';
import { HashProgress } from './hash-progress.tsx';
import { ImageList } from './image-list.tsx';
import { ImagePicker } from './image-picker.tsx';
import { protectErrorText } from './protect-errors.ts';
import { MAX_HASHES, MIN_QUALITY, type ProtectReceipt } from './protect-types.ts';
import { SentPreview } from './sent-preview.tsx';
import { useImageHashes, type ImageItem } from './use-image-hashes.ts';

/** Fingerprints worth sending, each once (the same image chosen twice gives one). */
function sendable(items: ImageItem[]) {
  const seen = new Map<string, { pdq: string; quality: number }>();
  for (const { state: s } of items)
    if (s.status === 'done' && s.quality >= MIN_QUALITY && !seen.has(s.hash)) seen.set(s.hash, { pdq: s.hash, quality: s.quality });
  return [...seen.values()];
}

export function ProtectForm({ onSent }: { onSent(receipt: ProtectReceipt): void }) {
  const { t, intl } = useT();
  const { items, add, remove, clear } = useImageHashes();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const hashes = sendable(items);
  const working = items.some((i) => i.state.status === 'waiting' || i.state.status === 'hashing');
  const lowQuality = items.some((i) => i.state.status === 'done' && i.state.quality < MIN_QUALITY);
  const n = hashes.length;

  async function send() {
    setBusy(true);
    setError(undefined);
    try {
      const receipt = await publicApi.post<ProtectReceipt>('/api/v1/protect/hashes', { hashes });
      clear();
      onSent(receipt);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const why =
    items.length === 0
      ? t('protectForm.whyNone')
      : working
        ? t('protectForm.whyWorking')
        : n === 0
          ? t('protectForm.whyUnusable')
          : n > MAX_HASHES
            ? t('protectForm.whyTooMany', { max: MAX_HASHES })
            : '';

  return (
    <section className="protect-panel" aria-labelledby="choose-h">
      <h2 id="choose-h">{t('protectForm.chooseHeading')}</h2>
      <ImagePicker onFiles={add} disabled={busy} />
      <HashProgress items={items} />
      <ImageList items={items} onRemove={remove} disabled={busy} />
      {lowQuality && <p className="notice">{t('protectForm.lowQuality', { min: MIN_QUALITY })}</p>}

      <h2>{t('protectForm.sendHeading')}</h2>
      <SentPreview hashes={hashes} />
      {error && (
        <div className="error-box" role="alert">
          <p className="error-title">{t('protectForm.notSent')}</p>
          <p>{protectErrorText(error, intl)}</p>
        </div>
      )}
      <p className="hint" id="send-why">
        {why || t('protectForm.sendingHint')}
      </p>
      <button type="button" className="primary send-button" onClick={() => void send()} disabled={busy || Boolean(why)} aria-describedby="send-why">
        {busy ? t('common.sending') : t('protectForm.send', { count: n })}
      </button>
    </section>
  );
}
