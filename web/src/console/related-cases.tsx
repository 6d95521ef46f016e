// Other cases about subjects of the same owner.
import { Link } from 'react-router';
import { categoryTitle } from '../shared/policy.ts';
import { formatDateTime, KIND_LABEL, label, OUTCOME_LABEL, STATE_LABEL } from '../shared/format.ts';
import type { Policy, RelatedCase } from '../shared/types.ts';

export function RelatedCases({ cases, policy }: { cases: RelatedCase[]; policy?: Policy }) {
  if (cases.length === 0) return <p className="muted">No other cases about this owner.</p>;
  return (
    <ul className="related">
      {cases.map((c) => (
        <li key={c.id}>
          <Link to={`/console/cases/${c.id}`}>
            {label(KIND_LABEL, c.subject.kind)}{' '}
            <span dir="auto" className="user-text">
              {c.subjectLabel || c.subject.id}
            </span>
          </Link>
          <span>{categoryTitle(policy, c.category)}</span>
          <span className={`state-badge state-${c.state}`}>{label(STATE_LABEL, c.state)}</span>
          {c.outcome && <span>{label(OUTCOME_LABEL, c.outcome)}</span>}
          <time dateTime={c.createdAt} className="muted">
            {formatDateTime(c.createdAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
