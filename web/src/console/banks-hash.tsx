// A hash in monospace, cut to its start on screen; the whole value is in the text (copy, screen readers),
// in the title on hover, and shown in full on focus or hover.
export function BankHash({ hash }: { hash: string }) {
  if (!hash) return <span className="muted">(deleted)</span>;
  return <code className="bank-hash" tabIndex={0} title={hash}>{hash}</code>;
}
