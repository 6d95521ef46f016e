// Copies a text (a secret, a link) to the clipboard and says so. The console passes English words; the
// public pages pass their catalogue's.
import { useState } from 'react';

export function CopyButton({
  text,
  what,
  label,
  copied = 'Copied.',
  failed = 'Copying is not allowed here: select the text and copy it by hand.',
}: {
  text: string;
  what?: string;
  /** The button's words; defaults to "Copy <what>". */
  label?: string;
  copied?: string;
  failed?: string;
}) {
  const [status, setStatus] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(copied);
    } catch {
      setStatus(failed);
    }
  }
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {label ?? `Copy ${what ?? ''}`.trim()}
      </button>
      <span role="status" className="ok">
        {status}
      </span>
    </>
  );
}
