// After sending: the case number and PIN, large, with copy buttons and advice to keep them safe.
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { CopyButton } from '../shared/copy-button.tsx';
import { useT } from '../shared/i18n.tsx';
import type { ProtectReceipt } from './protect-types.ts';

export function SubmissionReceipt({ receipt, onAnother }: { receipt: ProtectReceipt; onAnother(): void }) {
  const { t } = useT();
  const words = { copied: t('common.copied'), failed: t('common.copyFailed') };
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const n = receipt.hashes;
  return (
    <section className="receipt" aria-labelledby="receipt-h">
      <h2 id="receipt-h" ref={heading} tabIndex={-1}>
        {t('protectReceipt.heading')}
      </h2>
      <p>{t('protectReceipt.active', { count: n })}</p>
      <dl className="secrets">
        <div>
          <dt>{t('protectCheck.caseNumber')}</dt>
          <dd>
            <code className="secret-value case-number" dir="ltr">
              {receipt.caseNumber}
            </code>{' '}
            <CopyButton text={receipt.caseNumber} label={t('protectReceipt.copyCase')} {...words} />
          </dd>
        </div>
        <div>
          <dt>{t('protectCheck.pin')}</dt>
          <dd>
            <code className="secret-value pin" dir="ltr">
              {receipt.pin}
            </code>{' '}
            <CopyButton text={receipt.pin} label={t('protectReceipt.copyPin')} {...words} />
          </dd>
        </div>
      </dl>
      <div className="keep">
        <p>
          <FormattedMessage id="protectReceipt.keep" values={{ b: (chunks: ReactNode[]) => <strong>{chunks}</strong> }} />
        </p>
        <p>{t('protectReceipt.cantShow')}</p>
      </div>
      <p>
        <button type="button" onClick={onAnother}>
          {t('protectReceipt.another')}
        </button>
      </p>
    </section>
  );
}
