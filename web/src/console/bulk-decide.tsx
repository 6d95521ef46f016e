// Deciding the cases ticked in the queue together: one outcome, category and statement. The server
// decides each case on its own (its own decision, event and answers to its own reporters) and answers
// per case; cases it could not decide are listed with the reason and stay ticked.
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { ResponseBody } from 'vigil/client';
import { OUTCOMES } from '../../../src/cases/case-values.ts';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ConfirmDialog } from '../shared/confirm-dialog.tsx';
import { ErrorMessage } from '../shared/error-message.tsx';
import { label, OUTCOME_LABEL } from '../shared/format.ts';
import { categoryTitle } from '../shared/policy.ts';
import type { CaseSummary, Outcome, Policy } from '../shared/types.ts';
import { useApi } from './session.tsx';
import { statementTemplate } from './statement-template.ts';

type BulkDecided = ResponseBody<'/api/v1/cases/bulk-decisions', 'post'>;
type BulkResult = BulkDecided['results'][number];

/** The server's limit on one bulk decision. */
export const BULK_LIMIT = 50;

interface Props {
  selected: CaseSummary[];
  policy?: Policy;
  /** The cases that were decided (to untick) and a sentence for the live region. */
  onDone(decided: string[], summary: string): void;
  onClear(): void;
}

export function BulkDecide({ selected, policy, onDone, onClear }: Props) {
  const api = useApi();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome>('actioned');
  const [block, setBlock] = useState(true);
  const [category, setCategory] = useState(selected[0]?.category ?? '');
  const [statement, setStatement] = useState('');
  const [edited, setEdited] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [failures, setFailures] = useState<Array<Extract<BulkResult, { ok: false }> & { label: string }>>([]);
  const template = statementTemplate(policy, outcome, category);
  useEffect(() => {
    if (!edited) setStatement(template);
  }, [template, edited]);

  const count = selected.length;
  const tooMany = count > BULK_LIMIT;
  const noun = `${count} ${count === 1 ? 'case' : 'cases'}`;

  async function send() {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.post<BulkDecided>('/api/v1/cases/bulk-decisions', {
        caseIds: selected.map((c) => c.id),
        outcome,
        actions: outcome === 'actioned' && block ? ['block'] : outcome === 'actioned' ? ['warn_owner'] : [],
        ...(outcome === 'actioned' ? { category } : {}),
        statement,
      });
      const labelOf = new Map(selected.map((c) => [c.id, c.subjectLabel || c.subject.id]));
      const ok = res.results.filter((r) => r.ok).map((r) => r.caseId);
      const failed = res.results.flatMap((r) => (r.ok ? [] : [{ ...r, label: labelOf.get(r.caseId) ?? r.caseId }]));
      setFailures(failed);
      setConfirming(false);
      onDone(ok, `${ok.length} of ${res.results.length} cases decided${failed.length ? `; ${failed.length} could not be decided` : ''}.`);
    } catch (err) {
      setConfirming(false);
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!tooMany) setConfirming(true);
  };

  return (
    <section className="panel bulk-decide" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Decide {noun} together</h2>
      <p className="hint">Each case is decided on its own, with this statement sent to its own reporters and owner.</p>
      <form className="stack" onSubmit={submit} aria-label="Bulk decision">
        <label className="field">
          <span>Outcome</span>
          <select value={outcome} onChange={(e) => setOutcome(OUTCOMES.find((o) => o === e.target.value) ?? 'actioned')}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {label(OUTCOME_LABEL, o)}
              </option>
            ))}
          </select>
        </label>
        {outcome === 'actioned' && (
          <>
            <label className="check">
              <input type="checkbox" checked={block} onChange={(e) => setBlock(e.target.checked)} /> Block each subject (otherwise warn the owners)
            </label>
            <label className="field">
              <span>Policy category</span>
              <select value={category} onChange={(e) => setCategory(e.target.value)}>
                {policy?.categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label className="field">
          <span>Statement of reasons</span>
          <textarea
            dir="auto"
            rows={5}
            maxLength={5000}
            required
            value={statement}
            onChange={(e) => {
              setStatement(e.target.value);
              setEdited(true);
            }}
          />
        </label>
        {tooMany && <p className="hint">At most {BULK_LIMIT} cases can be decided together; untick some.</p>}
        <ErrorMessage error={error} title="The cases were not decided" />
        <div className="decide-row">
          <button type="submit" className="primary" disabled={busy || tooMany || count === 0}>
            Decide {noun}
          </button>
          <button type="button" onClick={onClear}>
            Clear the selection
          </button>
        </div>
      </form>
      {failures.length > 0 && (
        <div className="bulk-failures" role="alert">
          <p>These cases could not be decided:</p>
          <ul>
            {failures.map((f) => (
              <li key={f.caseId}>
                <span dir="auto" className="user-text">
                  {f.label}
                </span>
                : {f.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        busy={busy}
        danger={outcome === 'actioned'}
        title={`Decide ${noun}?`}
        confirmLabel={`Yes, decide ${noun}`}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          You are deciding {noun} as <strong>{label(OUTCOME_LABEL, outcome)}</strong>
          {outcome === 'actioned' && (
            <>
              {' '}
              under <strong>{categoryTitle(policy, category)}</strong>
              {block ? ', blocking each subject for everyone' : ', warning each owner'}
            </>
          )}
          .
        </p>
        <p>Every reporter of each case and each owner will be sent the statement of reasons.</p>
      </ConfirmDialog>
    </section>
  );
}
