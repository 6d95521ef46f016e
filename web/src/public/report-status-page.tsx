// /report/status/<id>?receipt=…: the report's timeline and, once decided, the outcome and reasons.
import { useState, type FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link, useParams, useSearchParams } from 'react-router';
import { contentKeys } from '../shared/content-keys.ts';
import { CopyButton } from '../shared/copy-button.tsx';
import { ErrorMessage } from '../shared/error-message.tsx';
import { useDateTime, useT } from '../shared/i18n.tsx';
import type { ReportStatusView } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { AnswerView } from './answer-view.tsx';
import { statusPath } from './report-received.tsx';
import { useReceiptStatus } from './use-receipt-status.ts';

export function ReportStatusPage() {
  const { t } = useT();
  useDocumentTitle(t('status.title'));
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const receipt = params.get('receipt') ?? '';
  const { status: report, error } = useReceiptStatus<ReportStatusView>(receipt ? `/api/v1/reports/${encodeURIComponent(id)}` : null, receipt);

  return (
    <div className="narrow-page">
      <h1>
        <FormattedMessage id="status.heading" values={{ id: <span className="report-id ltr">{id}</span> }} />
      </h1>
      {!receipt && <ReceiptForm onReceipt={(r) => setParams({ receipt: r })} />}
      {error &&
        (error.status === 404 ? (
          <div className="error-box" role="alert">
            <p className="error-title">{t('status.notFoundTitle')}</p>
            <p>{t('status.notFound')}</p>
          </div>
        ) : (
          <ErrorMessage error={error} title={t('status.loadFailed')} />
        ))}
      {receipt && !report && !error && (
        <p className="loading" role="status">
          {t('status.loading')}
        </p>
      )}
      {report && <ReportStatus report={report} receipt={receipt} />}
    </div>
  );
}

/** The status link and the receipt, each with a copy button: the only way back to an anonymous report. */
function KeepThese({ id, receipt }: { id: string; receipt: string }) {
  const { t, lang } = useT();
  const link = `${window.location.origin}${statusPath({ id, receipt }, lang)}`;
  const words = { copied: t('common.copied'), failed: t('common.copyFailed') };
  return (
    <section aria-labelledby="keep-h" className="keep-these">
      <h2 id="keep-h">{t('status.keepTitle')}</h2>
      <p className="copy-row">
        <span>{t('status.statusLink')}:</span>
        <code className="secret" dir="ltr">
          {link}
        </code>
        <CopyButton text={link} label={t('status.copyLink')} {...words} />
      </p>
      <p className="copy-row">
        <span>{t('common.receipt')}:</span>
        <code className="secret" dir="ltr">
          {receipt}
        </code>
        <CopyButton text={receipt} label={t('status.copyReceipt')} {...words} />
      </p>
    </section>
  );
}

function ReportStatus({ report, receipt }: { report: ReportStatusView; receipt: string }) {
  const { t } = useT();
  const formatDateTime = useDateTime();
  return (
    <div aria-live="polite">
      <dl className="facts">
        <div>
          <dt>{t('common.status')}</dt>
          <dd className="status">{t(`status.state.${report.status}`)}</dd>
        </div>
        <div>
          <dt>{t('status.about')}</dt>
          <dd>
            {t(`kind.${report.subject.kind}`)}{' '}
            <a href={report.subject.link ?? undefined} rel="noreferrer" dir="ltr">
              {report.subject.link}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('status.reasonGiven')}</dt>
          <dd>{report.categoryTitle}</dd>
        </div>
        <div>
          <dt>{t('common.sent')}</dt>
          <dd>{formatDateTime(report.createdAt)}</dd>
        </div>
      </dl>
      <KeepThese id={report.id} receipt={receipt} />
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('status.timeline')}</h2>
        <ol className="timeline">
          {contentKeys(report.timeline, (e) => `${e.at}:${e.event}`).map(([key, e]) => (
            <li key={key}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time> <span>{e.text}</span>
            </li>
          ))}
        </ol>
      </section>
      {report.answer ? <AnswerView answer={report.answer} /> : <p className="muted">{t('status.noDecision')}</p>}
      {report.status === 'decided' && report.answer && report.answer.outcome !== 'actioned' && !report.answer.appealOutcome && (
        <p>
          <Link to={`/report/appeal?report=${encodeURIComponent(report.id)}&receipt=${encodeURIComponent(receipt)}`}>{t('status.appeal')}</Link>
        </p>
      )}
    </div>
  );
}

function ReceiptForm({ onReceipt }: { onReceipt(r: string): void }) {
  const { t } = useT();
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onReceipt(value.trim());
  };
  return (
    <form onSubmit={submit} className="stack">
      <label className="field" htmlFor="receipt">
        <span>{t('common.receipt')}</span>
        <span className="hint">{t('status.receiptHint')}</span>
      </label>
      <input id="receipt" required value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" dir="ltr" />
      <button type="submit" className="primary">
        {t('status.show')}
      </button>
    </form>
  );
}
