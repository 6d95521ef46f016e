// Exactly what the send button sends, for anyone who wants to check.
export function SentPreview({ hashes }: { hashes: Array<{ pdq: string; quality: number }> }) {
  if (hashes.length === 0) return null;
  return (
    <details className="sent-preview">
      <summary>See exactly what will be sent</summary>
      <p className="hint">Only this, and nothing else about you or your images:</p>
      <pre className="sent-json">{JSON.stringify({ hashes }, null, 1)}</pre>
    </details>
  );
}
