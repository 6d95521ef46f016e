// /report/status/<id>?receipt=…: the report's timeline and, once decided, the outcome and reasons.
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { contentKeys } from '../shared/content-keys.ts';
import { ErrorMessage } from '../shared/error-message.tsx';
import { formatDateTime, KIND_LABEL, label } from '../shared/format.ts';
import type { ReportStatusView } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { AnswerView } from './answer-view.tsx';
import { useReceiptStatus } from './use-receipt-status.ts';

const STATUS_LABEL: Record<string, string> = {
  received: 'Received, waiting for review',
  in_review: 'Being reviewed',
  decided: 'Decided',
  declined_out_of_scope: 'Not processed (private conversation)',
};

export function ReportStatusPage() {
  useDocumentTitle('Your report');
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const receipt = params.get('receipt') ?? '';
  const { status: report, error } = useReceiptStatus<ReportStatusView>(receipt ? `/api/v1/reports/${encodeURIComponent(id)}` : null, receipt);

  return (
    <div className="narrow-page">
      <h1>
        Your report <span className="report-id">{id}</span>
      </h1>
      {!receipt && <ReceiptForm onReceipt={(r) => setParams({ receipt: r })} />}
      {error &&
        (error.status === 404 ? (
          <div className="error-box" role="alert">
            <p className="error-title">Report not found</p>
            <p>No report matches this number and receipt. Check that you used the whole link you were given when you sent the report.</p>
          </div>
        ) : (
          <ErrorMessage error={error} title="Could not load your report" />
        ))}
      {receipt && !report && !error && (
        <p className="loading" role="status">
          Loading your report…
        </p>
      )}
      {report && <ReportStatus report={report} receipt={receipt} />}
    </div>
  );
}

function ReportStatus({ report, receipt }: { report: ReportStatusView; receipt: string }) {
  return (
    <div aria-live="polite">
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd className="status">{STATUS_LABEL[report.status] ?? report.status}</dd>
        </div>
        <div>
          <dt>About</dt>
          <dd>
            {label(KIND_LABEL, report.subject.kind)}{' '}
            <a href={report.subject.link ?? undefined} rel="noreferrer">
              {report.subject.link}
            </a>
          </dd>
        </div>
        <div>
          <dt>Reason given</dt>
          <dd>{report.categoryTitle}</dd>
        </div>
        <div>
          <dt>Sent</dt>
          <dd>{formatDateTime(report.createdAt)}</dd>
        </div>
      </dl>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">Timeline</h2>
        <ol className="timeline">
          {contentKeys(report.timeline, (t) => `${t.at}:${t.event}`).map(([key, t]) => (
            <li key={key}>
              <time dateTime={t.at}>{formatDateTime(t.at)}</time> <span>{t.text}</span>
            </li>
          ))}
        </ol>
      </section>
      {report.answer ? <AnswerView answer={report.answer} /> : <p className="muted">No decision yet. Come back to this page later; the link stays valid.</p>}
      {report.status === 'decided' && report.answer && report.answer.outcome !== 'actioned' && !report.answer.appealOutcome && (
        <p>
          <Link to={`/report/appeal?report=${encodeURIComponent(report.id)}&receipt=${encodeURIComponent(receipt)}`}>Appeal this decision</Link>
        </p>
      )}
    </div>
  );
}

function ReceiptForm({ onReceipt }: { onReceipt(r: string): void }) {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onReceipt(value.trim());
  };
  return (
    <form onSubmit={submit} className="stack">
      <label className="field" htmlFor="receipt">
        <span>Receipt</span>
        <span className="hint">The receipt was shown when you sent the report, as part of the status link.</span>
      </label>
      <input id="receipt" required value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
      <button type="submit" className="primary">
        Show my report
      </button>
    </form>
  );
}
