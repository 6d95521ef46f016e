// Copies a secret to the clipboard and says so.
import { useState } from 'react';

export function CopyButton({ text, what }: { text: string; what: string }) {
  const [status, setStatus] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied.');
    } catch {
      setStatus('Copying is not allowed here: select the text and copy it by hand.');
    }
  }
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        Copy {what}
      </button>
      <span role="status" className="ok">
        {status}
      </span>
    </>
  );
}
