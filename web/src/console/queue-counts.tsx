// Live counts of open cases by state, each a link that filters the queue.
import { Link } from 'react-router';
import { STATE_LABEL } from '../shared/format.ts';
import type { StateCount } from '../shared/types.ts';
import { OPEN_CASE_STATES as OPEN_STATES } from '../../../src/cases/case-values.ts';

export function QueueCounts({ counts }: { counts: StateCount[] | undefined }) {
  const of = (s: string) => counts?.find((c) => c.state === s);
  const overdue = counts?.reduce((n, c) => n + c.overdue, 0) ?? 0;
  const show = (n: number | undefined) => (counts ? String(n ?? 0) : '…');
  return (
    <ul className="counts" aria-label="Open cases">
      {OPEN_STATES.map((s) => (
        <li key={s}>
          <Link to={`?state=${s}`} className="count">
            <span className="count-n">{show(of(s)?.count)}</span>
            <span className="count-label">{STATE_LABEL[s]}</span>
          </Link>
        </li>
      ))}
      <li>
        <Link to="?overdue=1" className={overdue > 0 ? 'count count-overdue' : 'count'}>
          <span className="count-n">{show(overdue)}</span>
          <span className="count-label">{overdue > 0 && <span aria-hidden="true">⚠ </span>}Overdue</span>
        </Link>
      </li>
    </ul>
  );
}
