// One case in the queue: what it is about, why it is urgent, who has it, and the time left.
import { languageName } from './text-language.tsx';
import type { Ref } from 'react';
import { Link } from 'react-router';
import { categoryTitle } from '../shared/policy.ts';
import { KIND_LABEL, label, SOURCE_LABEL, STATE_LABEL } from '../shared/format.ts';
import type { Policy } from '../shared/types.ts';
import { SlaCountdown } from './sla-countdown.tsx';
import type { QueuedCase } from './use-queue.ts';

/** Priority scores are fractional; whole numbers read faster once they are large. */
export const formatPriority = (p: number) => p.toLocaleString('en', { maximumFractionDigits: p >= 10 ? 0 : 1 });

interface Props {
  item: QueuedCase;
  selected: boolean;
  now: number;
  policy?: Policy;
  userId: string;
  onFocus(): void;
  /** Ticked for a bulk decision; no box when the user cannot decide. */
  checked?: boolean;
  onCheck?(on: boolean): void;
  ref?: Ref<HTMLAnchorElement>;
}

export function QueueItem({ item: c, selected, now, policy, userId, onFocus, checked, onCheck, ref }: Props) {
  const subject = c.subjectLabel || c.subject.id;
  const claimed = c.assigneeId === null ? 'Unclaimed' : c.assigneeId === userId ? 'Claimed by you' : 'Claimed by someone else';
  return (
    <li className={`queue-item${selected ? ' selected' : ''}${onCheck ? ' with-check' : ''}`} data-case-id={c.id}>
      {onCheck && (
        <label className="queue-check">
          <input type="checkbox" checked={checked ?? false} onChange={(e) => onCheck(e.target.checked)} />
          <span className="visually-hidden">Select {subject} for a bulk decision</span>
        </label>
      )}
      <div className="queue-priority" title="Priority">
        <span className="visually-hidden">Priority </span>
        {formatPriority(c.priority)}
      </div>
      <div className="queue-main">
        <Link ref={ref} to={`/console/cases/${c.id}`} className="queue-link" onFocus={onFocus} aria-current={selected ? 'true' : undefined}>
          <span className="kind-badge">{label(KIND_LABEL, c.subject.kind)}</span>{' '}
          <span dir="auto" className="user-text">
            {subject}
          </span>
        </Link>
        <p className="queue-meta">
          <span>{categoryTitle(policy, c.category)}</span>
          {c.language && <span>{languageName(c.language)}</span>}
          <span>
            {c.reportCount} {c.reportCount === 1 ? 'report' : 'reports'} from {c.reporterCount} {c.reporterCount === 1 ? 'reporter' : 'reporters'}
          </span>
          <span>{c.sources.map((s) => label(SOURCE_LABEL, s)).join(', ')}</span>
          {c.reach > 0 && <span>Reach {c.reach.toLocaleString('en')}</span>}
          {c.lifeAtRisk && (
            <span className="flag-danger">
              <span aria-hidden="true">⚑ </span>Life at risk
            </span>
          )}
        </p>
      </div>
      <div className="queue-status">
        <span className={`state-badge state-${c.state}`}>{label(STATE_LABEL, c.state)}</span>
        <span className="muted">{claimed}</span>
        <SlaCountdown dueAtLocal={c.dueAtLocal} now={now} decided={c.decidedAt !== null} />
      </div>
    </li>
  );
}
