import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useT } from '../shared/i18n.tsx';

const bold = { b: (chunks: ReactNode[]) => <strong>{chunks}</strong> };

// What this page does, in plain words, before she chooses anything.
export function ProtectIntro() {
  const { t } = useT();
  return (
    <>
      <h1>{t('protect.heading')}</h1>
      <p className="lead">{t('protect.lead')}</p>
      <div className="promise" role="note" aria-label={t('protect.promiseLabel')}>
        <p className="promise-title">{t('protect.promiseTitle')}</p>
        <p>{t('protect.promiseText')}</p>
      </div>
      <h2>{t('protect.howItWorks')}</h2>
      <ol className="steps">
        <li>
          <FormattedMessage id="protect.step1" values={bold} />
        </li>
        <li>
          <FormattedMessage id="protect.step2" values={bold} />
        </li>
        <li>
          <FormattedMessage id="protect.step3" values={bold} />
        </li>
      </ol>
      <p className="hint">{t('protect.hint')}</p>
    </>
  );
}
