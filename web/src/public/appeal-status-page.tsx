// /report/appeal/<id>?receipt=…: an appeal's state and, once decided, the outcome with reasons.
import { useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime, label, OUTCOME_LABEL } from '../shared/format.ts';
import type { AppealStatusView } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { UserText } from '../shared/user-text.tsx';
import { useReceiptStatus } from './use-receipt-status.ts';

const STATE_TEXT: Record<string, string> = {
  open: 'Waiting for a senior moderator',
  upheld: 'Decided: the decision stands',
  reversed: 'Decided: the decision was reversed',
};

export function AppealStatusPage() {
  useDocumentTitle('Your appeal');
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const receipt = params.get('receipt') ?? '';
  const { status: appeal, error } = useReceiptStatus<AppealStatusView>(`/api/v1/appeals/${encodeURIComponent(id)}`, receipt);

  return (
    <div className="narrow-page">
      <h1>
        Your appeal <span className="report-id">{id}</span>
      </h1>
      {appeal && <p className="muted">Keep this page's address: its receipt is the only way back to your appeal.</p>}
      {error &&
        (error.status === 404 ? (
          <div className="error-box" role="alert">
            <p className="error-title">Appeal not found</p>
            <p>No appeal matches this number and receipt. Use the whole link you were given when you sent the appeal.</p>
          </div>
        ) : (
          <ErrorMessage error={error} title="Could not load your appeal" />
        ))}
      {!appeal && !error && (
        <p className="loading" role="status">
          Loading your appeal…
        </p>
      )}
      {appeal && (
        <div aria-live="polite">
          <dl className="facts">
            <div>
              <dt>Status</dt>
              <dd className="status">{STATE_TEXT[appeal.state] ?? appeal.state}</dd>
            </div>
            <div>
              <dt>Decision appealed</dt>
              <dd>
                {label(OUTCOME_LABEL, appeal.decision.outcome)}
                {appeal.decision.categoryTitle ? ` (${appeal.decision.categoryTitle})` : ''}, {formatDateTime(appeal.decision.decidedAt)}
              </dd>
            </div>
            <div>
              <dt>Sent</dt>
              <dd>{formatDateTime(appeal.createdAt)}</dd>
            </div>
            {appeal.state === 'open' && (
              <div>
                <dt>Review due by</dt>
                <dd>{formatDateTime(appeal.dueAt)}</dd>
              </div>
            )}
          </dl>
          <h2>Your reasons</h2>
          <UserText as="p" className="statement" text={appeal.reason} />
          {appeal.outcome ? (
            <section className="answer" aria-labelledby="appeal-outcome-h">
              <h2 id="appeal-outcome-h">{appeal.outcome.state === 'reversed' ? 'The decision was reversed' : 'The decision stands'}</h2>
              <p className="muted">Decided {formatDateTime(appeal.outcome.decidedAt)} by a senior moderator who did not take the original decision.</p>
              <h3>Statement of reasons</h3>
              <UserText as="p" className="statement" text={appeal.outcome.statement} />
              <p>You may still use an out-of-court dispute settlement body or the courts.</p>
            </section>
          ) : (
            <p className="muted">No outcome yet. Come back to this page later; the link stays valid.</p>
          )}
        </div>
      )}
    </div>
  );
}
