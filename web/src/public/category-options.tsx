// The report form's category choices: the policy's categories, then the in-app reasons that say the
// same thing in other words (the server resolves both).
import type { Policy } from '../shared/types.ts';

const words = (id: string) => id.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());

export function CategoryOptions({ policy }: { policy: Policy }) {
  const ids = new Set(policy.categories.map((c) => c.id));
  const extra = Object.entries(policy.inAppReasons).filter(([reason]) => !ids.has(reason));
  const titleOf = (id: string) => policy.categories.find((c) => c.id === id)?.title ?? id;
  return (
    <>
      <optgroup label="Policy categories">
        {policy.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </optgroup>
      {extra.length > 0 && (
        <optgroup label="As listed in the app">
          {extra.map(([reason, cat]) => (
            <option key={reason} value={reason}>
              {words(reason)} ({titleOf(cat)})
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}
