// A hash in monospace, cut to its start on screen; the whole value is in the text (copy, screen readers),
// in the title on hover, and shown in full on hover, when its row holds the focus, or when the table
// shows whole hashes. It is not a tab stop of its own: a page of entries would be fifty stops to nothing.
export function BankHash({ hash }: { hash: string }) {
  if (!hash) return <span className="muted">(deleted)</span>;
  return (
    <code className="bank-hash" title={hash}>
      {hash}
    </code>
  );
}
