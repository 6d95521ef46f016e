// A case: the subject as it is now, the reports, signals, history and related cases; on the side,
// claiming, the decision, escalation and comments.
import { useState } from 'react';
import { useParams } from 'react-router';
import { isOpenState } from '../../../src/cases/case-values.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { usePolicy } from '../shared/policy.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { CaseHeader, subjectName } from './case-header.tsx';
import { CaseCredibility } from './case-credibility.tsx';
import { CaseHistory } from './case-history.tsx';
import { CaseLinked } from './case-linked.tsx';
import { CaseReports } from './case-reports.tsx';
import { CaseSignals } from './case-signals.tsx';
import { CaseSubject } from './case-subject.tsx';
import { ClaimControls } from './claim-controls.tsx';
import { DecisionPanel } from './decision-panel.tsx';
import { DecisionSummary } from './decision-summary.tsx';
import { NoteForm } from './note-form.tsx';
import { RelatedCases } from './related-cases.tsx';
import { CaseOwnerHistory } from './case-owner-history.tsx';
import { ReverseForm } from './reverse-form.tsx';
import { roleAtLeast, useUser } from './session.tsx';
import { useCase } from './use-case.ts';

export function CasePage() {
  const { id = '' } = useParams();
  const { detail, fetchedAt, error, refresh } = useCase(id);
  const { policy } = usePolicy();
  const user = useUser();
  const [notice, setNotice] = useState('');
  const after = (message: string) => () => {
    setNotice(message);
    void refresh();
  };
  useDocumentTitle(detail ? subjectName(detail) : 'Case');

  if (error && !detail) return <ErrorMessage error={error} title="Could not load this case" />;
  if (!detail)
    return (
      <p className="loading" role="status">
        Loading the case…
      </p>
    );
  const open = isOpenState(detail.state);

  return (
    <div className="case-page">
      <CaseHeader detail={detail} fetchedAt={fetchedAt} policy={policy} />
      <p role="status" className={notice ? 'notice-ok' : undefined}>
        {notice}
      </p>
      {open && (
        <p className="jump">
          <a href="#sec-decide">Go to the decision panel</a>
        </p>
      )}
      <ErrorMessage error={error} title="Could not refresh this case" />
      <div className="case-columns">
        <div className="case-content">
          <section aria-labelledby="sec-subject">
            <h2 id="sec-subject">The subject as it is now</h2>
            <CaseSubject subject={detail.subjectNow} />
          </section>
          <section aria-labelledby="sec-reports">
            <h2 id="sec-reports">Reports ({detail.reportCount})</h2>
            {detail.reports.length < detail.reportCount && (
              <p className="muted">
                Showing the latest {detail.reports.length} of {detail.reportCount} reports; how they split is counted over all of them.
              </p>
            )}
            <CaseReports reports={detail.reports} policy={policy} />
          </section>
          <section aria-labelledby="sec-credibility">
            <h2 id="sec-credibility">Priority and reporters</h2>
            <CaseCredibility caseId={detail.id} />
          </section>
          <section aria-labelledby="sec-signals">
            <h2 id="sec-signals">Signals</h2>
            <CaseSignals signals={detail.signals} />
          </section>
          <section aria-labelledby="sec-history">
            <h2 id="sec-history">History</h2>
            {detail.events.length < detail.eventCount && (
              <p className="muted">
                Showing the latest {detail.events.length} of {detail.eventCount} events.
              </p>
            )}
            <CaseHistory events={detail.events} userId={user.id} />
          </section>
          <section aria-labelledby="sec-linked">
            <h2 id="sec-linked">Linked subjects ({detail.linkedSubjects.length})</h2>
            <CaseLinked linked={detail.linkedSubjects} />
          </section>
          <section aria-labelledby="sec-related">
            <h2 id="sec-related">Other cases of the same owner</h2>
            <RelatedCases cases={detail.relatedCases} policy={policy} />
          </section>
          <section aria-labelledby="sec-owner-history">
            <h2 id="sec-owner-history">The owner's record</h2>
            <CaseOwnerHistory caseId={detail.id} policy={policy} version={detail.updatedAt} />
          </section>
        </div>
        <aside className="case-side" aria-label="Review">
          <ClaimControls detail={detail} onChanged={(what) => after(what)()} />
          {detail.decision && (
            <section aria-labelledby="sec-decision">
              <h2 id="sec-decision">Decision</h2>
              <DecisionSummary decision={detail.decision} policy={policy} />
            </section>
          )}
          {detail.state === 'decided' && detail.decision && roleAtLeast(user.role, 'senior') && (
            <section aria-labelledby="sec-reverse" className="panel">
              <h2 id="sec-reverse">Reverse</h2>
              <ReverseForm caseId={detail.id} onDone={after('Decision reversed. The owner has been sent the reason.')} />
            </section>
          )}
          {open && (
            <>
              <section aria-labelledby="sec-decide" className="panel">
                <h2 id="sec-decide">Decide</h2>
                <DecisionPanel
                  key={detail.id}
                  detail={detail}
                  policy={policy}
                  onDecided={(also) =>
                    after(
                      `Decision recorded. The reporters and the owner have been sent the statement of reasons.${also.length ? ` Also decided alike: ${also.join(', ')}.` : ''}`,
                    )()
                  }
                />
              </section>
              <section aria-labelledby="sec-escalate" className="panel">
                <h2 id="sec-escalate">Escalate</h2>
                <NoteForm caseId={detail.id} kind="escalate" onDone={after('Case escalated for senior review.')} />
              </section>
            </>
          )}
          <section aria-labelledby="sec-comment" className="panel">
            <h2 id="sec-comment">Comment</h2>
            {open ? <NoteForm caseId={detail.id} kind="comment" onDone={after('Comment added.')} /> : <p className="muted">The case is closed.</p>}
          </section>
        </aside>
      </div>
    </div>
  );
}
