// The top of a case: what it is about, its state, priority, category and time left.
import { languageName } from './text-language.tsx';
import { Link } from 'react-router';
import { categoryTitle } from '../shared/policy.ts';
import { KIND_LABEL, label, OUTCOME_LABEL, STATE_LABEL } from '../shared/format.ts';
import type { CaseDetail, Policy } from '../shared/types.ts';
import { formatPriority } from './queue-item.tsx';
import { SlaCountdown } from './sla-countdown.tsx';
import { useNow } from './use-now.ts';

export function subjectName(d: CaseDetail): string {
  const s = d.subjectNow;
  if (!s) return d.subject.id;
  if (s.kind === 'channel') return s.title || s.handle;
  if (s.kind === 'bot') return s.handle;
  return s.title || s.name;
}

export function CaseHeader({ detail, fetchedAt, policy }: { detail: CaseDetail; fetchedAt: number; policy?: Policy }) {
  const now = useNow(1000);
  return (
    <header className="case-header">
      <p className="breadcrumb">
        <Link to="/console">← Queue</Link>
      </p>
      <h1>
        <span className="kind-badge">{label(KIND_LABEL, detail.subject.kind)}</span>{' '}
        <span dir="auto" className="user-text case-title">
          {subjectName(detail)}
        </span>
      </h1>
      <ul className="case-facts" aria-label="Case summary">
        <li>
          <span className={`state-badge state-${detail.state}`}>{label(STATE_LABEL, detail.state)}</span>
        </li>
        {detail.outcome && <li>{label(OUTCOME_LABEL, detail.outcome)}</li>}
        {detail.platform && detail.platform !== 'reference' && <li>Platform: {detail.platform}</li>}
        <li>Priority {formatPriority(detail.priority)}</li>
        <li>{categoryTitle(policy, detail.category)}</li>
        <li>{languageName(detail.language)}</li>
        <li>
          {detail.reportCount} {detail.reportCount === 1 ? 'report' : 'reports'}
        </li>
        {detail.lifeAtRisk && (
          <li className="flag-danger">
            <span aria-hidden="true">⚑ </span>Life at risk
          </li>
        )}
        <li>
          <SlaCountdown dueAtLocal={fetchedAt + detail.secondsToDue * 1000} now={now} decided={detail.decidedAt !== null} />
        </li>
      </ul>
    </header>
  );
}
