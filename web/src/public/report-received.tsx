// After a report is filed: its number and the status link with the receipt, which is the only way
// to follow an anonymous report.
import { useEffect, useRef } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import type { ReportAck } from '../shared/types.ts';
import { useT } from '../shared/i18n.tsx';

/** The status link, in the language the reporter reads (so it opens in it on any device). */
export const statusPath = (ack: { id: string; receipt: string }, lang: string) =>
  `/report/status/${encodeURIComponent(ack.id)}?receipt=${encodeURIComponent(ack.receipt)}&lang=${encodeURIComponent(lang)}`;

export function ReportReceived({ ack, onAnother }: { ack: ReportAck; onAnother(): void }) {
  const { t, lang } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const path = statusPath(ack, lang);
  return (
    <section className="received" aria-labelledby="received-h">
      <h2 id="received-h" ref={heading} tabIndex={-1}>
        {t('received.heading')}
      </h2>
      <p>
        <FormattedMessage id="received.number" values={{ id: <strong className="report-id ltr">{ack.id}</strong> }} />
      </p>
      <p className="keep">
        <FormattedMessage id="received.keep" values={{ b: (chunks) => <strong>{chunks}</strong> }} />
      </p>
      <p className="status-link-box">
        <Link to={path} className="status-link" dir="ltr">{`${window.location.origin}${path}`}</Link>
      </p>
      <p>
        {t('common.receipt')}:{' '}
        <code className="secret" dir="ltr">
          {ack.receipt}
        </code>
      </p>
      <p>
        <button type="button" onClick={onAnother}>
          {t('received.another')}
        </button>
      </p>
    </section>
  );
}
