// /console/appeals/<id>: the original case and its decision side by side with the appeal's reason and
// evidence; a senior who did not take the decision upholds or reverses it with a statement.
import { useCallback, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { asApiError, type ApiError } from '../shared/api-error.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime } from '../shared/format.ts';
import { usePolicy } from '../shared/policy.ts';
import type { AppealDetail, Decision } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { UserText } from '../shared/user-text.tsx';
import { APPEAL_STATE_LABEL } from './appeals-page.tsx';
import { subjectName } from './case-header.tsx';
import { CaseReports } from './case-reports.tsx';
import { CaseSubject } from './case-subject.tsx';
import { DecisionSummary } from './decision-summary.tsx';
import { useApi } from './session.tsx';
import { useLoad } from './use-load.ts';

export function AppealPage() {
  useDocumentTitle('Appeal');
  const { id = '' } = useParams();
  const api = useApi();
  const { policy } = usePolicy();
  const [appeal, setAppeal] = useState<AppealDetail>();
  const [error, setError] = useState<ApiError>();
  const [reloadKey, setReloadKey] = useState(0);
  const load = useCallback(
    async (signal: AbortSignal) => {
      try {
        setAppeal(await api.get<AppealDetail>(`/api/v1/appeals/${encodeURIComponent(id)}/review`, { signal }));
        setError(undefined);
      } catch (err) {
        if (!signal.aborted) setError(asApiError(err));
      }
    },
    [api, id],
  );
  useLoad(load, reloadKey);

  if (error && !appeal) return <ErrorMessage error={error} title="Could not load this appeal" />;
  if (!appeal)
    return (
      <p className="loading" role="status">
        Loading the appeal…
      </p>
    );
  const decision: Decision = {
    id: appeal.decision.id,
    outcome: appeal.decision.outcome,
    category: appeal.decision.category,
    actions: appeal.decision.actions,
    statement: appeal.decision.statement,
    postIds: [],
    jurisdiction: null,
    decidedBy: appeal.decision.decidedBy,
    createdAt: appeal.decision.decidedAt,
    reversedAt: appeal.decision.reversedAt,
  };
  return (
    <div className="appeal-page">
      <h1>
        Appeal against the decision on <Link to={`/console/cases/${encodeURIComponent(appeal.caseId)}`}>{subjectName(appeal.case)}</Link>
      </h1>
      <p className="muted">
        {APPEAL_STATE_LABEL[appeal.state] ?? appeal.state} · filed by the {appeal.appellant} {formatDateTime(appeal.createdAt)} · due{' '}
        {formatDateTime(appeal.dueAt)}
        {appeal.overdue && <strong className="overdue-badge"> overdue</strong>}
      </p>
      <div className="appeal-columns">
        <section aria-labelledby="sec-original" className="appeal-original">
          <h2 id="sec-original">The case and its decision</h2>
          <DecisionSummary decision={decision} policy={policy} />
          <h3>The subject as it is now</h3>
          <CaseSubject subject={appeal.case.subjectNow} />
          <h3>Reports ({appeal.case.reports.length})</h3>
          <CaseReports reports={appeal.case.reports} policy={policy} />
        </section>
        <section aria-labelledby="sec-appeal" className="appeal-side">
          <h2 id="sec-appeal">The appeal</h2>
          <h3>Reason</h3>
          <UserText as="p" className="statement" text={appeal.reason} />
          <h3>Evidence</h3>
          {appeal.evidence ? <UserText as="p" className="statement" text={appeal.evidence} /> : <p className="muted">None given.</p>}
          {appeal.outcome ? (
            <div className="panel">
              <h3>{appeal.outcome.state === 'reversed' ? 'Reversed' : 'Upheld'}</h3>
              <p className="muted">{formatDateTime(appeal.outcome.decidedAt)}</p>
              <UserText as="p" className="statement" text={appeal.outcome.statement} />
            </div>
          ) : appeal.mayDecide ? (
            <AppealDecisionForm id={appeal.id} onDone={() => setReloadKey((k) => k + 1)} />
          ) : (
            <p className="notice-warn">You took the decision under appeal; another senior moderator must decide this appeal.</p>
          )}
        </section>
      </div>
    </div>
  );
}

function AppealDecisionForm({ id, onDone }: { id: string; onDone(): void }) {
  const api = useApi();
  const [outcome, setOutcome] = useState<'upheld' | 'reversed'>('upheld');
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setSending(true);
    setError(undefined);
    try {
      await api.post(`/api/v1/appeals/${encodeURIComponent(id)}/decision`, { outcome, statement });
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setSending(false);
    }
  }
  return (
    <form onSubmit={submit} className="panel stack" aria-labelledby="sec-appeal-decide">
      <h3 id="sec-appeal-decide">Decide the appeal</h3>
      <fieldset>
        <legend>Outcome</legend>
        <label>
          <input type="radio" name="appeal-outcome" checked={outcome === 'upheld'} onChange={() => setOutcome('upheld')} /> Uphold: the decision stands
        </label>
        <label>
          <input type="radio" name="appeal-outcome" checked={outcome === 'reversed'} onChange={() => setOutcome('reversed')} /> Reverse: restore the subject and
          tell everyone
        </label>
      </fieldset>
      <label className="field" htmlFor="appeal-statement">
        <span>Statement of reasons</span>
        <span className="hint">Sent to the appellant{outcome === 'reversed' ? ', the owner and every reporter' : ''}.</span>
      </label>
      <textarea id="appeal-statement" required minLength={10} maxLength={5000} rows={5} value={statement} onChange={(e) => setStatement(e.target.value)} />
      <ErrorMessage error={error} title="The appeal was not decided" />
      <button type="submit" className="primary" disabled={sending}>
        {outcome === 'reversed' ? 'Reverse the decision' : 'Uphold the decision'}
      </button>
    </form>
  );
}
