// The policy category of an "actioned" decision. It starts at the reports' credibility-weighted majority
// (computed by the server), and says when that differs from the most severe reason any reporter gave.
import { useId } from 'react';
import { categoryTitle } from '../shared/policy.ts';
import type { CaseDetail, Policy } from '../shared/types.ts';
import { FieldError } from './field-error.tsx';

interface Props {
  detail: CaseDetail;
  policy?: Policy;
  value: string;
  onChange(category: string): void;
  error?: string;
}

export function DecisionCategory({ detail, policy, value, onChange, error }: Props) {
  const id = useId();
  const { suggestedCategory: suggested, tie, byCategory } = detail.reportSplit;
  const runnerUp = tie ? byCategory[1]?.category : undefined;
  return (
    <div className="field">
      <label htmlFor={`${id}-category`}>Policy category</label>
      {suggested && (
        <p className="hint" id={`${id}-hint`}>
          Suggested: <strong>{categoryTitle(policy, suggested)}</strong>, the reports’ majority once each reporter is weighed by source and track record.
          {runnerUp && <> Equal weight with {categoryTitle(policy, runnerUp)}: the more severe is suggested.</>}
          {detail.category !== suggested && <> The most severe reason given was {categoryTitle(policy, detail.category)}.</>}
        </p>
      )}
      <select
        id={`${id}-category`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={[suggested ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
      >
        {policy?.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
