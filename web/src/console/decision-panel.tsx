// Deciding a case: outcome, actions, policy category and the statement of reasons (prefilled from the
// category's template, editable). Irreversible and senior-only actions are confirmed first.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { OUTCOME_LABEL } from '../shared/format.ts';
import type { ActionKind, CaseDetail, Outcome, Policy } from '../shared/types.ts';
import { DecisionActions } from './decision-actions.tsx';
import { DecisionConfirm } from './decision-confirm.tsx';
import { FieldError, fieldMessage } from './field-error.tsx';
import { roleAtLeast, useApi, useUser } from './session.tsx';
import { statementTemplate } from './statement-template.ts';

const OUTCOMES: Outcome[] = ['actioned', 'no_violation', 'protected_expression', 'out_of_scope'];
const NEEDS_CONFIRMATION: ActionKind[] = ['block', 'remove_posts', 'restrict_in_jurisdiction'];

interface Props { detail: CaseDetail; policy?: Policy; onDecided(): void }

export function DecisionPanel({ detail, policy, onDecided }: Props) {
  const api = useApi();
  const user = useUser();
  const id = useId();
  const senior = roleAtLeast(user.role, 'senior');
  const reported = detail.subjectNow?.kind === 'channel' ? detail.subjectNow.reportedPosts.map((p) => p.id) : [];

  const [outcome, setOutcome] = useState<Outcome>('actioned');
  const [actions, setActions] = useState<Set<ActionKind>>(new Set());
  const [postIds, setPostIds] = useState<Set<string>>(new Set(reported));
  const [category, setCategory] = useState(detail.category);
  const [statement, setStatement] = useState('');
  const [edited, setEdited] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const template = statementTemplate(policy, outcome, category);
  // Until the moderator edits it, the statement follows the chosen outcome and category.
  useEffect(() => { if (!edited) setStatement(template); }, [template, edited]);

  if (!roleAtLeast(user.role, 'moderator')) {
    return <p className="muted">Your role ({user.role}) cannot decide cases. Comment, or escalate the case for senior review.</p>;
  }

  const toggle = <T,>(set: Set<T>, v: T, on: boolean) => { const n = new Set(set); if (on) n.add(v); else n.delete(v); return n; };
  const chosen = outcome === 'actioned' ? actions : new Set<ActionKind>();

  async function send() {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/v1/cases/${detail.id}/decide`, {
        outcome,
        actions: [...chosen],
        ...(outcome === 'actioned' ? { category } : {}),
        statement,
        ...(chosen.has('remove_posts') ? { postIds: [...postIds] } : {}),
      });
      setConfirming(false);
      onDecided();
    } catch (err) {
      setConfirming(false);
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if ([...chosen].some((a) => NEEDS_CONFIRMATION.includes(a))) setConfirming(true);
    else void send();
  }

  const statementError = fieldMessage(error, 'statement');
  const categoryError = fieldMessage(error, 'category');
  return (
    <form className="stack decision" onSubmit={submit} aria-label="Decision">
      <fieldset className="stack">
        <legend>Outcome</legend>
        {OUTCOMES.map((o) => (
          <label key={o} className="check">
            <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
            <span>{OUTCOME_LABEL[o]}</span>
          </label>
        ))}
      </fieldset>

      {outcome === 'actioned' && (
        <>
          <DecisionActions detail={detail} senior={senior} actions={actions} postIds={postIds}
            onToggleAction={(a, on) => setActions((s) => toggle(s, a, on))} onTogglePost={(p, on) => setPostIds((s) => toggle(s, p, on))}
            actionsError={fieldMessage(error, 'actions')} postsError={fieldMessage(error, 'postIds')} />
          <div className="field">
            <label htmlFor={`${id}-category`}>Policy category</label>
            <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}
              aria-describedby={categoryError ? `${id}-category-error` : undefined}>
              {policy?.categories.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
            <FieldError id={`${id}-category-error`} message={categoryError} />
          </div>
        </>
      )}

      <div className="field">
        <label htmlFor={`${id}-statement`}>Statement of reasons</label>
        <p className="hint" id={`${id}-statement-hint`}>Sent to every reporter and to the owner. Edit it to say what you found.</p>
        <textarea id={`${id}-statement`} dir="auto" rows={6} maxLength={5000} required value={statement}
          aria-describedby={`${id}-statement-hint${statementError ? ` ${id}-statement-error` : ''}`}
          onChange={(e) => { setStatement(e.target.value); setEdited(true); }} />
        <FieldError id={`${id}-statement-error`} message={statementError} />
        {edited && statement !== template && (
          <button type="button" className="link-button" onClick={() => { setEdited(false); setStatement(template); }}>
            Use the template again
          </button>
        )}
      </div>

      <ErrorMessage error={error} title="The decision was not recorded" />
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Deciding…' : 'Decide'}</button>

      <DecisionConfirm open={confirming} busy={busy} detail={detail} policy={policy} actions={chosen} postCount={postIds.size}
        category={category} onConfirm={() => void send()} onCancel={() => setConfirming(false)} />
    </form>
  );
}
