// A note sent to the case: a comment, or the reason for escalating.
import { useId, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { useApi } from './session.tsx';

interface Props {
  caseId: string;
  kind: 'comment' | 'escalate';
  onDone(): void;
}

const TEXT = {
  comment: { label: 'Your comment', hint: 'Visible to staff only.', button: 'Add comment' },
  escalate: { label: 'Why escalate?', hint: 'The case goes to senior review with this note.', button: 'Escalate to a senior' },
};

export function NoteForm({ caseId, kind, onDone }: Props) {
  const api = useApi();
  const id = useId();
  const t = TEXT[kind];
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/v1/cases/${caseId}/${kind}`, { text });
      setText('');
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="stack note-form">
      <div className="field">
        <label htmlFor={`${id}-text`}>{t.label}</label>
        <p className="hint" id={`${id}-hint`}>
          {t.hint}
        </p>
      </div>
      <textarea
        id={`${id}-text`}
        aria-describedby={`${id}-hint`}
        dir="auto"
        rows={3}
        required
        maxLength={5000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" disabled={busy || text.trim() === ''}>
        {busy ? 'Sending…' : t.button}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
