// Admins edit a rule file in the console: its text in an editor, then "Review changes" shows the line
// diff against the text they opened, and Save (after a confirmation) sends it with the version it was
// edited from. The server checks it against the rule schema before writing; its refusal (the place and the
// message, or "changed since you opened it") is shown beside the editor and nothing is written.
import { diffLines } from 'diff';
import { useCallback, useId, useRef, useState } from 'react';
import type { ResponseBody } from 'vigil/client';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { ErrorMessage } from '../shared/error-message.tsx';
import { useApi } from './session.tsx';
import { useLoad } from './use-load.ts';

type RuleFiles = ResponseBody<'/api/v1/rules/files', 'get'>;
type RuleFile = ResponseBody<'/api/v1/rules/files/{name}', 'get'>;
type Saved = ResponseBody<'/api/v1/rules/files/{name}', 'put'>;

export function RuleFiles({ reloadKey, onSaved }: { reloadKey: number; onSaved(message: string): void }) {
  const api = useApi();
  const [files, setFiles] = useState<RuleFiles>();
  const [error, setError] = useState<ApiError>();
  const [open, setOpen] = useState<string>();
  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        setFiles(await api.get<RuleFiles>('/api/v1/rules/files', { signal }));
        setError(undefined);
      } catch (err) {
        if (!signal.aborted) setError(asApiError(err));
      }
    },
    [api],
  );
  useLoad(load, reloadKey);
  return (
    <section aria-labelledby="rule-files-heading" className="rule-files">
      <h2 id="rule-files-heading">Rule files</h2>
      <ErrorMessage error={error} title="The rule files could not be loaded" />
      <ul className="rule-file-list">
        {files?.files.map((f) => (
          <li key={f.name}>
            <code>{f.name}</code> <span className="muted">({f.rules.length === 1 ? '1 rule' : `${f.rules.length} rules`})</span>{' '}
            {open !== f.name && (
              <button type="button" onClick={() => setOpen(f.name)}>
                Edit {f.name}
              </button>
            )}
          </li>
        ))}
      </ul>
      {open && (
        <RuleFileEditor
          key={`${open}:${reloadKey}`}
          name={open}
          onClose={() => setOpen(undefined)}
          onSaved={(message) => {
            setOpen(undefined);
            onSaved(message);
          }}
        />
      )}
    </section>
  );
}

function RuleFileEditor({ name, onClose, onSaved }: { name: string; onClose(): void; onSaved(message: string): void }) {
  const api = useApi();
  const id = useId();
  const [file, setFile] = useState<RuleFile>();
  const [text, setText] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const editor = useRef<HTMLTextAreaElement>(null);
  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        const f = await api.get<RuleFile>(`/api/v1/rules/files/${encodeURIComponent(name)}`, { signal });
        setFile(f);
        setText(f.text);
        setError(undefined);
      } catch (err) {
        if (!signal.aborted) setError(asApiError(err));
      }
    },
    [api, name],
  );
  useLoad(load, 0);

  async function save() {
    if (!file) return;
    setBusy(true);
    try {
      const r = await api.request<Saved>('PUT', `/api/v1/rules/files/${encodeURIComponent(name)}`, { text, version: file.version });
      onSaved(`Saved ${r.name}: ${r.rules} rules in force.`);
    } catch (err) {
      setError(asApiError(err));
      setConfirming(false);
      setReviewing(false);
      editor.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  if (!file) return <ErrorMessage error={error} title="The rule file could not be opened" />;
  const changes = diffLines(file.text, text);
  const changed = changes.some((c) => c.added || c.removed);
  return (
    <div className="rule-editor">
      <label htmlFor={`${id}-text`}>Text of {name}</label>
      <textarea
        id={`${id}-text`}
        ref={editor}
        value={text}
        rows={24}
        spellCheck={false}
        dir="auto"
        aria-describedby={error ? `${id}-error` : undefined}
        readOnly={reviewing}
        onChange={(e) => {
          setText(e.target.value);
          setError(undefined);
        }}
      />
      <div id={`${id}-error`}>
        <ErrorMessage error={error} title={error?.code === 'rule_file_changed' ? 'Someone else saved this file first' : 'The rule file was not saved'} />
      </div>
      {reviewing && (
        <section aria-label={`Changes to ${name}`}>
          <h3>Changes to {name}</h3>
          {changed ? (
            <pre className="rule-diff">
              {changes.map((c, i) => {
                const mark = c.added ? '+' : c.removed ? '-' : ' ';
                const lines = c.value.replace(/\n$/, '').split('\n');
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the diff's parts have no identity but their order
                  <span key={i} className={c.added ? 'added' : c.removed ? 'removed' : 'same'}>
                    {lines.map((l) => `${mark} ${l}\n`).join('')}
                  </span>
                );
              })}
            </pre>
          ) : (
            <p>No changes.</p>
          )}
        </section>
      )}
      <div className="rule-editor-actions">
        {reviewing ? (
          <>
            <button type="button" onClick={() => setReviewing(false)}>
              Back to editing
            </button>
            <button type="button" className="primary" disabled={!changed} onClick={() => setConfirming(true)}>
              Save {name}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="primary" onClick={() => setReviewing(true)}>
              Review changes
            </button>
          </>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        busy={busy}
        title={`Save ${name}?`}
        confirmLabel="Yes, save and reload"
        onConfirm={() => void save()}
        onCancel={() => setConfirming(false)}
      >
        <p>The new text is checked against the rule schema, written, recorded in the audit log with its diff, and the rules are reloaded at once.</p>
      </ConfirmDialog>
    </div>
  );
}
