// The outcome of a decision. Nothing is chosen at first: the moderator must say what they found.
import { OUTCOME_LABEL } from '../shared/format.ts';
import { OUTCOMES } from '../../../src/cases/case-values.ts';
import type { Outcome } from '../shared/types.ts';

export function DecisionOutcome({ outcome, onChange }: { outcome?: Outcome; onChange(o: Outcome): void }) {
  return (
    <fieldset className="stack">
      <legend>Outcome</legend>
      {OUTCOMES.map((o) => (
        <label key={o} className="check">
          <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => onChange(o)} />
          <span>{OUTCOME_LABEL[o]}</span>
        </label>
      ))}
    </fieldset>
  );
}
