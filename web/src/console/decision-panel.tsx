// Deciding a case: how the reports split, the outcome (none chosen at first), actions, policy category
// (starting at the reports' weighted majority) and the statement of reasons (prefilled from the template,
// editable). An untouched template is confirmed in the panel; irreversible and senior-only actions in a dialog.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import type { ActionKind, CaseDetail, Outcome, Policy } from '../shared/types.ts';
import type { ResponseBody } from 'vigil/client';
import { DecisionActions } from './decision-actions.tsx';
import { DecisionCategory } from './decision-category.tsx';
import { DecisionConfirm } from './decision-confirm.tsx';
import { carriesOver, DecisionLinked, openLinked } from './decision-linked.tsx';
import { DecisionOutcome } from './decision-outcome.tsx';
import { FieldError, fieldMessage } from './field-error.tsx';
import { ReportSplitFacts } from './report-split.tsx';
import { subjectText } from './case-linked.tsx';
import { roleAtLeast, useApi, useUser } from './session.tsx';
import { statementTemplate } from './statement-template.ts';
import { TemplateConfirm } from './template-confirm.tsx';

const NEEDS_CONFIRMATION: ActionKind[] = ['block', 'remove_posts', 'restrict_in_jurisdiction'];

interface Props {
  detail: CaseDetail;
  policy?: Policy;
  /** `also`: the linked cases decided alike, named. */
  onDecided(also: string[]): void;
}

type Decided = ResponseBody<'/api/v1/cases/{id}/decide', 'post'>;

export function DecisionPanel({ detail, policy, onDecided }: Props) {
  const api = useApi();
  const user = useUser();
  const id = useId();
  const senior = roleAtLeast(user.role, 'senior');
  const reported = detail.subjectNow?.kind === 'channel' ? detail.subjectNow.reportedPosts.map((p) => p.id) : [];

  const [outcome, setOutcome] = useState<Outcome>();
  const [actions, setActions] = useState<Set<ActionKind>>(new Set());
  const [postIds, setPostIds] = useState<Set<string>>(new Set(reported));
  const [linkedIds, setLinkedIds] = useState<Set<string>>(new Set());
  const [category, setCategory] = useState(detail.reportSplit.suggestedCategory ?? detail.category);
  const [statement, setStatement] = useState('');
  const [edited, setEdited] = useState(false);
  // The template the moderator was asked about, and the one they chose to send unchanged: a change of
  // outcome or category changes the template, so the question is asked again.
  const [askedAbout, setAskedAbout] = useState<string>();
  const [acceptedTemplate, setAcceptedTemplate] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const statementRef = useRef<HTMLTextAreaElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  const template = outcome ? statementTemplate(policy, outcome, category) : '';
  // Until the moderator edits it, the statement follows the chosen outcome and category.
  useEffect(() => {
    if (!edited) setStatement(template);
  }, [template, edited]);

  if (!roleAtLeast(user.role, 'moderator')) {
    return <p className="muted">Your role ({user.role}) cannot decide cases. Comment, or escalate the case for senior review.</p>;
  }

  const toggle = <T,>(set: Set<T>, v: T, on: boolean) => {
    const n = new Set(set);
    if (on) n.add(v);
    else n.delete(v);
    return n;
  };
  const chosen = outcome === 'actioned' ? actions : new Set<ActionKind>();
  const linked = openLinked(detail);
  const chosenLinked = linked.filter((l) => linkedIds.has(l.caseId));
  const carried = carriesOver(outcome, chosen);
  const alsoCount = carried ? chosenLinked.length : 0;
  const focusSoon = (el: { current: HTMLElement | null }) => requestAnimationFrame(() => el.current?.focus());

  async function send() {
    if (!outcome) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.post<Decided>(`/api/v1/cases/${detail.id}/decide`, {
        outcome,
        actions: [...chosen],
        ...(outcome === 'actioned' ? { category } : {}),
        statement,
        ...(chosen.has('remove_posts') ? { postIds: [...postIds] } : {}),
        ...(chosenLinked.length ? { linkedCaseIds: chosenLinked.map((l) => l.caseId) } : {}),
      });
      setConfirming(false);
      const names = new Map(linked.map((l) => [l.caseId, subjectText(l)]));
      onDecided((r.linked ?? []).map((d) => names.get(d.caseId) ?? d.caseId));
    } catch (err) {
      setConfirming(false);
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  const untouched = statement === template;
  const askTemplate = outcome !== undefined && untouched && askedAbout === template;

  function proceed() {
    setAskedAbout(undefined);
    setAcceptedTemplate(template);
    // Deciding several cases at once is always confirmed, naming how many.
    if (alsoCount > 0 || [...chosen].some((a) => NEEDS_CONFIRMATION.includes(a))) setConfirming(true);
    else void send();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!outcome) return;
    if (untouched && acceptedTemplate !== template) setAskedAbout(template);
    else proceed();
  }

  const statementError = fieldMessage(error, 'statement');
  return (
    <form className="stack decision" onSubmit={submit} aria-label="Decision">
      <ReportSplitFacts split={detail.reportSplit} policy={policy} />
      <DecisionOutcome outcome={outcome} onChange={setOutcome} />

      {outcome === 'actioned' && (
        <>
          <DecisionActions
            detail={detail}
            senior={senior}
            actions={actions}
            postIds={postIds}
            onToggleAction={(a, on) => setActions((s) => toggle(s, a, on))}
            onTogglePost={(p, on) => setPostIds((s) => toggle(s, p, on))}
            actionsError={fieldMessage(error, 'actions')}
            postsError={fieldMessage(error, 'postIds')}
          />
          <DecisionCategory detail={detail} policy={policy} value={category} onChange={setCategory} error={fieldMessage(error, 'category')} />
        </>
      )}

      {outcome && (
        <div className="field">
          <label htmlFor={`${id}-statement`}>Statement of reasons</label>
          <p className="hint" id={`${id}-statement-hint`}>
            Sent to every reporter and to the owner. Edit it to say what you found.
          </p>
          <textarea
            id={`${id}-statement`}
            ref={statementRef}
            dir="auto"
            rows={6}
            maxLength={5000}
            required
            value={statement}
            aria-describedby={`${id}-statement-hint${statementError ? ` ${id}-statement-error` : ''}`}
            onChange={(e) => {
              setStatement(e.target.value);
              setEdited(true);
            }}
          />
          <FieldError id={`${id}-statement-error`} message={statementError} />
          {edited && statement !== template && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setEdited(false);
                setStatement(template);
              }}
            >
              Use the template again
            </button>
          )}
        </div>
      )}

      {outcome && <DecisionLinked linked={linked} chosen={linkedIds} carried={carried} onToggle={(caseId, on) => setLinkedIds((s) => toggle(s, caseId, on))} />}
      <FieldError id={`${id}-linked-error`} message={fieldMessage(error, 'linkedCaseIds')} />

      <ErrorMessage error={error} title="The decision was not recorded" />
      {outcome && askTemplate ? (
        <TemplateConfirm
          outcome={outcome}
          category={category}
          policy={policy}
          reporterCount={detail.reporterCount}
          busy={busy}
          onSend={proceed}
          onEdit={() => {
            setAskedAbout(undefined);
            focusSoon(statementRef);
          }}
        />
      ) : (
        <div className="decide-row">
          <button type="submit" ref={submitRef} className="primary" disabled={busy || !outcome} aria-describedby={outcome ? undefined : `${id}-decide-hint`}>
            {busy ? 'Deciding…' : 'Decide'}
          </button>
          {!outcome && (
            <p className="hint" id={`${id}-decide-hint`}>
              Choose an outcome first.
            </p>
          )}
        </div>
      )}

      <DecisionConfirm
        open={confirming}
        busy={busy}
        detail={detail}
        policy={policy}
        outcome={outcome}
        actions={chosen}
        also={carried ? chosenLinked : []}
        postCount={postIds.size}
        category={category}
        onConfirm={() => void send()}
        onCancel={() => {
          setConfirming(false);
          focusSoon(submitRef);
        }}
      />
    </form>
  );
}
