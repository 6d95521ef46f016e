// /protect: a person blocks her intimate images by sending only their fingerprints, then checks or withdraws.
import { useState } from 'react';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { CheckWithdraw } from './check-withdraw.tsx';
import { ProtectForm } from './protect-form.tsx';
import { ProtectIntro } from './protect-intro.tsx';
import type { ProtectReceipt } from './protect-types.ts';
import { SubmissionReceipt } from './submission-receipt.tsx';

export function ProtectPage() {
  useDocumentTitle('Protect your images');
  const [receipt, setReceipt] = useState<ProtectReceipt>();
  return (
    <div className="protect">
      <div className="protect-about">
        <ProtectIntro />
      </div>
      <div className="protect-work">
        <div aria-live="polite">{receipt && <SubmissionReceipt receipt={receipt} onAnother={() => setReceipt(undefined)} />}</div>
        {!receipt && <ProtectForm onSent={setReceipt} />}
        {/* A new key after sending, so the form starts filled in with the new case number and PIN. */}
        <CheckWithdraw key={receipt?.caseNumber ?? 'empty'} prefill={receipt} />
      </div>
    </div>
  );
}
