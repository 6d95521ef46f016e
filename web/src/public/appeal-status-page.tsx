// /report/appeal/<id>?receipt=…: an appeal's state and, once decided, the outcome with reasons.
import { FormattedMessage } from 'react-intl';
import { useParams, useSearchParams } from 'react-router';
import { ErrorMessage } from '../shared/error-message.tsx';
import { useDateTime, useT } from '../shared/i18n.tsx';
import type { AppealStatusView } from '../shared/types.ts';
import { useDocumentTitle } from '../shared/use-document-title.ts';
import { UserText } from '../shared/user-text.tsx';
import { useReceiptStatus } from './use-receipt-status.ts';

export function AppealStatusPage() {
  const { t, intl } = useT();
  const formatDateTime = useDateTime();
  useDocumentTitle(t('appealStatus.title'));
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const receipt = params.get('receipt') ?? '';
  const { status: appeal, error } = useReceiptStatus<AppealStatusView>(`/api/v1/appeals/${encodeURIComponent(id)}`, receipt);
  // The decision's ground in the page's language (policy/i18n); the API's English title if the policy no longer has it.
  const categoryId = appeal?.decision.category;
  const category =
    categoryId && intl.messages[`policy.category.${categoryId}.title`] ? t(`policy.category.${categoryId}.title`) : appeal?.decision.categoryTitle;

  return (
    <div className="narrow-page">
      <h1>
        <FormattedMessage id="appealStatus.heading" values={{ id: <span className="report-id ltr">{id}</span> }} />
      </h1>
      {appeal && <p className="muted">{t('appealStatus.keep')}</p>}
      {error &&
        (error.status === 404 ? (
          <div className="error-box" role="alert">
            <p className="error-title">{t('appealStatus.notFoundTitle')}</p>
            <p>{t('appealStatus.notFound')}</p>
          </div>
        ) : (
          <ErrorMessage error={error} title={t('appealStatus.loadFailed')} />
        ))}
      {!appeal && !error && (
        <p className="loading" role="status">
          {t('appealStatus.loading')}
        </p>
      )}
      {appeal && (
        <div aria-live="polite">
          <dl className="facts">
            <div>
              <dt>{t('common.status')}</dt>
              <dd className="status">{t(`appealStatus.state.${appeal.state}`)}</dd>
            </div>
            <div>
              <dt>{t('appealStatus.decisionAppealed')}</dt>
              <dd>
                {intl.formatList([`${t(`outcome.${appeal.decision.outcome}`)}${category ? ` (${category})` : ''}`, formatDateTime(appeal.decision.decidedAt)], {
                  type: 'unit',
                  style: 'short',
                })}
              </dd>
            </div>
            <div>
              <dt>{t('common.sent')}</dt>
              <dd>{formatDateTime(appeal.createdAt)}</dd>
            </div>
            {appeal.state === 'open' && (
              <div>
                <dt>{t('appealStatus.reviewDue')}</dt>
                <dd>{formatDateTime(appeal.dueAt)}</dd>
              </div>
            )}
          </dl>
          <h2>{t('appealStatus.yourReasons')}</h2>
          <UserText as="p" className="statement" text={appeal.reason} />
          {appeal.outcome ? (
            <section className="answer" aria-labelledby="appeal-outcome-h">
              <h2 id="appeal-outcome-h">{t(appeal.outcome.state === 'reversed' ? 'appealStatus.reversed' : 'appealStatus.stands')}</h2>
              <p className="muted">{t('appealStatus.decidedBy', { date: formatDateTime(appeal.outcome.decidedAt) })}</p>
              <h3>{t('common.statementOfReasons')}</h3>
              <UserText as="p" className="statement" text={appeal.outcome.statement} />
              <p>{t('appealStatus.courts')}</p>
            </section>
          ) : (
            <p className="muted">{t('appealStatus.noOutcome')}</p>
          )}
        </div>
      )}
    </div>
  );
}
