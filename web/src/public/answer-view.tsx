// The decision on a report, as the reporter is told it: outcome, actions, the policy's sentence in the
// reader's language above the moderator's statement as written, and how to appeal.
import type { Answer } from '../shared/types.ts';
import { UserText } from '../shared/user-text.tsx';
import { useDateTime, useT } from '../shared/i18n.tsx';

export function AnswerView({ answer }: { answer: Answer & { policyStatement?: string } }) {
  const { t, intl } = useT();
  const formatDateTime = useDateTime();
  return (
    <section className="answer" aria-labelledby="answer-h">
      <h2 id="answer-h">{t('answer.heading', { outcome: t(`outcome.${answer.outcome}`) })}</h2>
      <dl className="facts">
        {answer.categoryTitle && (
          <div>
            <dt>{t('answer.ground')}</dt>
            <dd>{answer.categoryTitle}</dd>
          </div>
        )}
        {answer.actions.length > 0 && (
          <div>
            <dt>{t('answer.action')}</dt>
            <dd>{intl.formatList(answer.actions.map((a) => t(`action.${a}`)))}</dd>
          </div>
        )}
        {answer.territorialScope && (
          <div>
            <dt>{t('answer.appliesIn')}</dt>
            <dd>{t('answer.appliesInValue', { country: answer.territorialScope })}</dd>
          </div>
        )}
        <div>
          <dt>{t('answer.decided')}</dt>
          <dd>{formatDateTime(answer.decidedAt)}</dd>
        </div>
        <div>
          <dt>{t('answer.how')}</dt>
          <dd>
            {t(answer.automatedDecision ? 'answer.byMachine' : 'answer.byPerson')} {answer.automatedDetection ? t('answer.detection') : ''}
          </dd>
        </div>
      </dl>
      <h3>{t('common.statementOfReasons')}</h3>
      {answer.policyStatement && <p className="policy-statement">{answer.policyStatement}</p>}
      {answer.policyStatement && <p className="muted">{t('answer.moderatorWords')}</p>}
      <UserText as="p" className="statement" text={answer.statement} />
      <h3>{t('answer.ifYouDisagree')}</h3>
      <p>{answer.appeal}</p>
    </section>
  );
}
