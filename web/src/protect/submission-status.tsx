// Each fingerprint of a submission: whether it is still active and how many copies it has caught.
import { FormattedMessage } from 'react-intl';
import { useDateTime, useT } from '../shared/i18n.tsx';
import type { ProtectStatus } from './protect-types.ts';

export function SubmissionStatus({ status }: { status: ProtectStatus }) {
  const { t } = useT();
  const formatDateTime = useDateTime();
  const total = status.hashes.reduce((n, h) => n + h.matches, 0);
  return (
    <div className="submission-status">
      <h3>
        <FormattedMessage
          id="protectCheck.case"
          values={{
            caseNumber: (
              <span className="case-number" dir="ltr">
                {status.caseNumber}
              </span>
            ),
          }}
        />
      </h3>
      <p>
        {t('protectCheck.sent', { date: formatDateTime(status.submittedAt) })}{' '}
        {status.withdrawnAt && <strong>{t('protectCheck.withdrawnAt', { date: formatDateTime(status.withdrawnAt) })}</strong>}
      </p>
      <p className="match-summary">{total === 0 ? t('protectCheck.noCopies') : t('protectCheck.caught', { count: total })}</p>
      <ul className="fingerprints" aria-label={t('protectCheck.fingerprints')}>
        {status.hashes.map((h) => (
          <li key={h.number} className={`fingerprint is-${h.status}`}>
            <span className="fp-name">{t('protectCheck.fingerprint', { number: h.number })}</span>
            <span className="fp-status">{t(`protectCheck.status.${h.status}`)}</span>
            <span className="fp-matches">
              {h.lastMatchAt
                ? t('protectCheck.lastOn', { copies: t('protectCheck.copies', { count: h.matches }), date: formatDateTime(h.lastMatchAt) })
                : t('protectCheck.copies', { count: h.matches })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
