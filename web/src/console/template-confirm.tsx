// Asked inside the decision panel when the statement of reasons is still the untouched template: it says
// what will be sent, and to how many people, before anything is sent. Focus starts on "Edit", the safe choice.
import { useEffect, useId, useRef } from 'react';
import { categoryTitle } from '../shared/policy.ts';
import { OUTCOME_LABEL } from '../shared/format.ts';
import type { Outcome, Policy } from '../shared/types.ts';

interface Props {
  outcome: Outcome;
  category: string;
  policy?: Policy;
  reporterCount: number;
  busy: boolean;
  onSend(): void;
  onEdit(): void;
}

function recipients(outcome: Outcome, reporterCount: number): string {
  const people = [];
  if (reporterCount > 0) people.push(`${reporterCount} ${reporterCount === 1 ? 'reporter' : 'reporters'}`);
  if (outcome === 'actioned') people.push('the owner');
  return people.length ? people.join(' and ') : 'no one (it is kept with the decision)';
}

export function TemplateConfirm({ outcome, category, policy, reporterCount, busy, onSend, onEdit }: Props) {
  const id = useId();
  const edit = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    edit.current?.focus();
  }, []);
  const what =
    outcome === 'actioned' ? (
      <>
        the policy’s template for <strong>{categoryTitle(policy, category)}</strong>
      </>
    ) : (
      <>
        the standard <strong>{OUTCOME_LABEL[outcome]}</strong> statement
      </>
    );
  return (
    <fieldset className="template-confirm" aria-describedby={`${id}-body`}>
      <legend className="template-confirm-title">Send the template unchanged?</legend>
      <p id={`${id}-body`}>
        You have not edited the statement of reasons. Deciding now sends {what}, word for word, to {recipients(outcome, reporterCount)}.
      </p>
      <div className="row">
        <button type="button" ref={edit} onClick={onEdit}>
          Edit the statement
        </button>
        <button type="button" className="primary" disabled={busy} onClick={onSend}>
          Send it unchanged
        </button>
      </div>
    </fieldset>
  );
}
