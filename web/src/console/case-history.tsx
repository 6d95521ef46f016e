// The full event history of a case, oldest first, in words.
import { ACTION_LABEL, formatDateTime, label, OUTCOME_LABEL, SOURCE_LABEL } from '../shared/format.ts';
import type { CaseEvent } from '../shared/types.ts';
import { UserText } from '../shared/user-text.tsx';

const KIND: Record<string, string> = {
  opened: 'Case opened',
  report_added: 'Report added',
  signal: 'Signal',
  claimed: 'Claimed',
  released: 'Released',
  commented: 'Comment',
  escalated: 'Escalated',
  decided: 'Decided',
  reversed: 'Decision reversed',
};

function actorName(actor: string, userId: string): string {
  if (actor === `staff:${userId}`) return 'you';
  if (actor.startsWith('staff:')) return `staff ${actor.slice(6)}`;
  if (actor.startsWith('reporter:')) return `reporter (${label(SOURCE_LABEL, actor.slice(9))})`;
  if (actor.startsWith('system:')) return `system (${actor.slice(7).replaceAll('-', ' ')})`;
  return actor;
}

function detail(e: CaseEvent): string | null {
  const d = e.data;
  if (e.kind === 'report_added') {
    const bits = [
      d.source && label(SOURCE_LABEL, String(d.source)),
      d.category && String(d.category),
      d.lifeAtRisk ? 'life at risk' : null,
      d.answeredWithStandingDecision ? 'answered with the standing decision' : null,
    ];
    return bits.filter(Boolean).join(' · ') || null;
  }
  if (e.kind === 'decided') {
    const actions = Array.isArray(d.actions) ? d.actions.map((a) => label(ACTION_LABEL, String(a))).join(', ') : '';
    return [label(OUTCOME_LABEL, String(d.outcome)), actions, d.category ? String(d.category) : null].filter(Boolean).join(' · ');
  }
  if (e.kind === 'signal') return [d.type, d.verdict].filter(Boolean).map(String).join(' · ') || null;
  if ((e.kind === 'claimed' || e.kind === 'released' || e.kind === 'escalated') && d.state) return `state: ${String(d.state)}`;
  return null;
}

export function CaseHistory({ events, userId }: { events: CaseEvent[]; userId: string }) {
  return (
    <ol className="history">
      {events.map((e) => {
        const more = detail(e);
        return (
          <li key={e.seq}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            <span className="history-kind">{KIND[e.kind] ?? e.kind}</span>
            <span className="muted">by {actorName(e.actor, userId)}</span>
            {more && <span className="history-detail">{more}</span>}
            {e.reason && <UserText as="p" className="history-reason" text={e.reason} />}
          </li>
        );
      })}
    </ol>
  );
}
