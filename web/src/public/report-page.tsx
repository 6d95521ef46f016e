// /report: anyone can report public content, with or without an account.
import { useState } from 'react';
import { ErrorMessage } from '../shared/error-message.tsx';
import { usePolicy } from '../shared/policy.ts';
import type { ReportAck } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { ReportForm } from './report-form.tsx';
import { ReportReceived } from './report-received.tsx';

export function ReportPage() {
  useDocumentTitle('Report content');
  const { policy, error } = usePolicy();
  const [ack, setAck] = useState<ReportAck>();
  return (
    <div className="narrow-page">
      <h1>Report illegal or harmful content</h1>
      <p>
        Tell us about a public channel, post, bot or sticker set that breaks the law or our publishing policy. You do not need an account. Every report is
        reviewed by a person, and you will be able to read the decision and the reasons for it.
      </p>
      <div aria-live="polite">{ack && <ReportReceived ack={ack} onAnother={() => setAck(undefined)} />}</div>
      {!ack && (
        <>
          <ErrorMessage error={error} title="The form could not be loaded" />
          {!policy && !error && (
            <p className="loading" role="status">
              Loading the form…
            </p>
          )}
          {policy && <ReportForm policy={policy} onFiled={setAck} />}
        </>
      )}
    </div>
  );
}
