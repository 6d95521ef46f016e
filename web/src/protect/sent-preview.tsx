import { useT } from '../shared/i18n.tsx';

// Exactly what the send button sends, for anyone who wants to check.
export function SentPreview({ hashes }: { hashes: Array<{ pdq: string; quality: number }> }) {
  const { t } = useT();
  if (hashes.length === 0) return null;
  return (
    <details className="sent-preview">
      <summary>{t('protectForm.preview')}</summary>
      <p className="hint">{t('protectForm.previewHint')}</p>
      <pre className="sent-json" dir="ltr">
        {JSON.stringify({ hashes }, null, 1)}
      </pre>
    </details>
  );
}
