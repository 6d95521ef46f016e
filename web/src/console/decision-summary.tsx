// A decided case: outcome, actions and the statement of reasons as sent.
import { categoryTitle } from '../shared/policy.ts';
import { ACTION_LABEL, formatDateTime, label, OUTCOME_LABEL } from '../shared/format.ts';
import type { Decision, Policy } from '../shared/types.ts';
import { UserText } from '../shared/user-text.tsx';

export function DecisionSummary({ decision, policy }: { decision: Decision; policy?: Policy }) {
  return (
    <div className="decision-summary">
      <dl className="facts">
        <div>
          <dt>Outcome</dt>
          <dd>{label(OUTCOME_LABEL, decision.outcome)}</dd>
        </div>
        {decision.category && (
          <div>
            <dt>Category</dt>
            <dd>{categoryTitle(policy, decision.category)}</dd>
          </div>
        )}
        {decision.actions.length > 0 && (
          <div>
            <dt>Actions</dt>
            <dd>{decision.actions.map((a) => label(ACTION_LABEL, a)).join(', ')}</dd>
          </div>
        )}
        {decision.postIds.length > 0 && (
          <div>
            <dt>Posts removed</dt>
            <dd>{decision.postIds.length}</dd>
          </div>
        )}
        {decision.jurisdiction && (
          <div>
            <dt>Country</dt>
            <dd>{decision.jurisdiction}</dd>
          </div>
        )}
        <div>
          <dt>Decided</dt>
          <dd>{formatDateTime(decision.createdAt)}</dd>
        </div>
        {decision.reversedAt && (
          <div>
            <dt>Reversed</dt>
            <dd>{formatDateTime(decision.reversedAt)}</dd>
          </div>
        )}
      </dl>
      <h3>Statement of reasons</h3>
      <UserText as="p" className="statement" text={decision.statement} />
    </div>
  );
}
