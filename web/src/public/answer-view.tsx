// The decision on a report, as the reporter is told it: outcome, actions, statement of reasons, appeal.
import { ACTION_LABEL, formatDateTime, label, OUTCOME_LABEL } from '../shared/format.ts';
import type { Answer } from '../shared/types.ts';
import { UserText } from '../shared/user-text.tsx';

export function AnswerView({ answer }: { answer: Answer }) {
  return (
    <section className="answer" aria-labelledby="answer-h">
      <h2 id="answer-h">Decision: {label(OUTCOME_LABEL, answer.outcome)}</h2>
      <dl className="facts">
        {answer.categoryTitle && (
          <div>
            <dt>Policy ground</dt>
            <dd>{answer.categoryTitle}</dd>
          </div>
        )}
        {answer.actions.length > 0 && (
          <div>
            <dt>Action</dt>
            <dd>{answer.actions.map((a) => label(ACTION_LABEL, a)).join(', ')}</dd>
          </div>
        )}
        {answer.territorialScope && (
          <div>
            <dt>Applies in</dt>
            <dd>{answer.territorialScope} only</dd>
          </div>
        )}
        <div>
          <dt>Decided</dt>
          <dd>{formatDateTime(answer.decidedAt)}</dd>
        </div>
        <div>
          <dt>How</dt>
          <dd>
            {answer.automatedDecision ? 'Decided automatically.' : 'Decided by a person.'}{' '}
            {answer.automatedDetection ? 'Automated detection was involved.' : ''}
          </dd>
        </div>
      </dl>
      <h3>Statement of reasons</h3>
      <UserText as="p" className="statement" text={answer.statement} />
      <h3>If you disagree</h3>
      <p>{answer.appeal}</p>
    </section>
  );
}
