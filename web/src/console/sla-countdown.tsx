// Time left to review, in words. Overdue is said plainly ("Overdue by 2h 05m") with an icon and
// colour, so it never depends on colour alone.
import { formatDuration } from '../shared/format.ts';

interface Props {
  dueAtLocal: number;
  now: number;
  decided?: boolean;
}

export function SlaCountdown({ dueAtLocal, now, decided }: Props) {
  if (decided) return <span className="sla sla-done">Decided</span>;
  const seconds = Math.round((dueAtLocal - now) / 1000);
  if (seconds < 0) {
    return (
      <span className="sla sla-overdue">
        <span aria-hidden="true">⚠ </span>Overdue by {formatDuration(-seconds)}
      </span>
    );
  }
  const soon = seconds < 3600;
  return <span className={soon ? 'sla sla-soon' : 'sla'}>Due in {formatDuration(seconds)}</span>;
}
