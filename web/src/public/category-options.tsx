// The report form's category choices: the policy's categories, then the in-app reasons that say the
// same thing in other words (the server resolves both), named in the page's language (policy/i18n).
import { useT } from '../shared/i18n.tsx';
import type { Policy } from '../shared/types.ts';

export function CategoryOptions({ policy }: { policy: Policy }) {
  const { t } = useT();
  const ids = new Set(policy.categories.map((c) => c.id));
  const extra = Object.entries(policy.inAppReasons).filter(([reason]) => !ids.has(reason));
  const titleOf = (id: string) => t(`policy.category.${id}.title`);
  return (
    <>
      <optgroup label={t('report.categoryGroupPolicy')}>
        {policy.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {titleOf(c.id)}
          </option>
        ))}
      </optgroup>
      {extra.length > 0 && (
        <optgroup label={t('report.categoryGroupApp')}>
          {extra.map(([reason, cat]) => (
            <option key={reason} value={reason}>
              {t(`inAppReason.${reason}`)} ({titleOf(cat)})
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}
