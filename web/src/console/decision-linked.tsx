// "Also decide these linked cases the same way": the open cases linked to this one by mirror and
// near-duplicate signals, none chosen at first. The server decides each chosen case alike, each with
// its own decision, and checks again that every one is an open linked case.
import { isOpenState } from '../../../src/cases/case-values.ts';
import type { ActionKind, CaseDetail, Outcome } from '../shared/types.ts';
import { evidenceWords, LinkedName, type LinkedSubject, ROLE_LABEL } from './case-linked.tsx';

export const openLinked = (detail: CaseDetail): LinkedSubject[] => detail.linkedSubjects.filter((l) => isOpenState(l.state));

/** Whether the chosen linked cases are decided too: post removal is not carried over, so an "actioned"
 * decision that only removes posts leaves them open (as the server does). */
export const carriesOver = (outcome: Outcome | undefined, actions: Set<ActionKind>) => outcome !== 'actioned' || [...actions].some((a) => a !== 'remove_posts');

interface Props {
  linked: LinkedSubject[];
  chosen: Set<string>;
  carried: boolean;
  onToggle(caseId: string, on: boolean): void;
}

export function DecisionLinked({ linked, chosen, carried, onToggle }: Props) {
  if (linked.length === 0) return null;
  return (
    <fieldset className="stack linked-pick" aria-describedby="decision-linked-hint">
      <legend>Also decide these linked cases the same way</legend>
      <p className="hint" id="decision-linked-hint">
        Each chosen case gets its own decision with this outcome, category, actions and statement. Post removal is not carried over.
      </p>
      {linked.map((l) => (
        <label key={l.caseId} className="check">
          <input type="checkbox" name="linkedCaseIds" value={l.caseId} checked={chosen.has(l.caseId)} onChange={(e) => onToggle(l.caseId, e.target.checked)} />
          <span>
            <LinkedName l={l} /> · {ROLE_LABEL[l.role].toLowerCase()} · {evidenceWords(l.evidence)}
          </span>
        </label>
      ))}
      {chosen.size > 0 && !carried && (
        <p className="hint" role="status">
          Only post removal is chosen, and it is not carried over: the linked cases will stay open.
        </p>
      )}
    </fieldset>
  );
}
