// /report: anyone can report public content, with or without an account.
import { useState } from 'react';
import { ErrorMessage } from '../shared/error-message.tsx';
import { usePolicy } from '../shared/policy.ts';
import type { ReportAck } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { ReportForm } from './report-form.tsx';
import { ReportReceived } from './report-received.tsx';
import { useT } from '../shared/i18n.tsx';

export function ReportPage() {
  const { t } = useT();
  useDocumentTitle(t('report.title'));
  const { policy, error } = usePolicy();
  const [ack, setAck] = useState<ReportAck>();
  return (
    <div className="narrow-page">
      <h1>{t('report.heading')}</h1>
      <p>{t('report.intro')}</p>
      <div aria-live="polite">{ack && <ReportReceived ack={ack} onAnother={() => setAck(undefined)} />}</div>
      {!ack && (
        <>
          <ErrorMessage error={error} title={t('report.loadFailed')} />
          {!policy && !error && (
            <p className="loading" role="status">
              {t('report.loadingForm')}
            </p>
          )}
          {policy && <ReportForm policy={policy} onFiled={setAck} />}
        </>
      )}
    </div>
  );
}
