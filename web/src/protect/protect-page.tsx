// /protect: a person blocks her intimate images by sending only their fingerprints, then checks or withdraws.
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../shared/i18n.tsx';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { CheckWithdraw } from './check-withdraw.tsx';
import { ProtectForm } from './protect-form.tsx';
import { ProtectIntro } from './protect-intro.tsx';
import type { ProtectReceipt } from './protect-types.ts';
import { SubmissionReceipt } from './submission-receipt.tsx';

export function ProtectPage() {
  const { t } = useT();
  useDocumentTitle(t('protect.title'));
  const [receipt, setReceipt] = useState<ProtectReceipt>();
  return (
    <div className="protect">
      <QuickExit />
      <div className="protect-about">
        <ProtectIntro />
        <p>
          <Link to="/report">{t('protect.reportLink')}</Link>
        </p>
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

/** A neutral page the quick exit leaves for; location.replace also takes this page out of the history. */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=weather';

/** Leaves at once for a neutral site, replacing this page's history entry so Back does not return here. */
function QuickExit() {
  const { t } = useT();
  return (
    <button type="button" className="quick-exit danger" title={t('protect.quickExitHint')} onClick={() => window.location.replace(QUICK_EXIT_URL)}>
      {t('protect.quickExit')}
    </button>
  );
}
