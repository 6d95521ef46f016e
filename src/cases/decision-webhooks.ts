// The webhook events of a decision and of its reversal, emitted inside their transaction: what the
// platform hosting the subject must do (hide, remove, restrict in a country, publish again). Never a
// reporter's identity: only the decision, its category and the statement of reasons.
import type { Db } from '../db/database.ts';
import type { CasesTable } from '../db/schema-moderation.ts';

/** What these events need of a case. */
type CaseRef = Pick<CasesTable, 'id' | 'platform' | 'subject_kind' | 'subject_id'>;
import { REFERENCE_PLATFORM } from '../shared/platforms.ts';
import { type WebhookEmitter, webhookSubject } from '../enforcement/webhook-events.ts';

interface ActionRow {
  subject_kind: string;
  subject_id: string;
  code: string;
  country: string | null;
  notice_text?: string;
}
interface HoldRow {
  id: string;
  subject_kind: string;
  subject_id: string;
}

const platformOf = (c: CaseRef) => c.platform ?? REFERENCE_PLATFORM;

/** Held content a decision or a reversal published again: one `content.released` per hold. */
export async function emitReleased(trx: Db, webhooks: WebhookEmitter, c: CaseRef, holds: HoldRow[], cause: Record<string, unknown>, at: string): Promise<void> {
  const platform = platformOf(c);
  for (const h of holds) {
    await webhooks.emit(trx, {
      platform,
      type: 'content.released',
      key: `content.released:${h.id}`,
      subject: webhookSubject(platform, h.subject_kind, h.subject_id),
      data: { caseId: c.id, ...cause },
      at,
    });
  }
}

/** `subject.actioned` for a block or a restriction in one country, `post.removed` for each removed post. */
export async function emitDecided(
  trx: Db,
  webhooks: WebhookEmitter,
  c: CaseRef,
  d: { decisionId: string; category: string | null; statement: string; actions: ActionRow[] },
  at: string,
): Promise<void> {
  const platform = platformOf(c);
  const about = { caseId: c.id, decisionId: d.decisionId, category: d.category, statement: d.statement };
  for (const a of d.actions) {
    if (a.code === 'removed') {
      await webhooks.emit(trx, {
        platform,
        type: 'post.removed',
        key: `post.removed:${d.decisionId}:${a.subject_id}`,
        subject: webhookSubject(platform, a.subject_kind, a.subject_id),
        data: { ...about, channel: webhookSubject(platform, c.subject_kind, c.subject_id), notice: a.notice_text ?? null },
        at,
      });
    } else if (a.code === 'blocked' || a.code === 'restricted') {
      await webhooks.emit(trx, {
        platform,
        type: 'subject.actioned',
        key: `subject.actioned:${d.decisionId}:${a.code}:${a.subject_kind}:${a.subject_id}`,
        subject: webhookSubject(platform, a.subject_kind, a.subject_id),
        data: {
          ...about,
          action: a.code === 'blocked' ? 'block' : 'restrict_in_jurisdiction',
          // Where it must be hidden: everywhere for a block, one country (ISO 3166-1) for a restriction.
          country: a.code === 'restricted' ? a.country : null,
          notice: a.notice_text ?? null,
        },
        at,
      });
    }
  }
}

/** A reversal: one `subject.restored` per subject whose actions it lifted, naming the actions. */
export async function emitRestored(
  trx: Db,
  webhooks: WebhookEmitter,
  c: CaseRef,
  r: { decisionId: string; reason: string; lifted: ActionRow[] },
  at: string,
): Promise<void> {
  const platform = platformOf(c);
  const bySubject = new Map<string, ActionRow[]>();
  for (const a of r.lifted) {
    if (a.code === 'held') continue; // holds are told as content.released
    const k = `${a.subject_kind}:${a.subject_id}`;
    bySubject.set(k, [...(bySubject.get(k) ?? []), a]);
  }
  for (const [k, actions] of bySubject) {
    const [first] = actions;
    if (!first) continue;
    await webhooks.emit(trx, {
      platform,
      type: 'subject.restored',
      key: `subject.restored:${r.decisionId}:${k}`,
      subject: webhookSubject(platform, first.subject_kind, first.subject_id),
      data: {
        caseId: c.id,
        decisionId: r.decisionId,
        reason: r.reason,
        lifted: actions.map((a) => ({
          action: a.code === 'blocked' ? 'block' : a.code === 'removed' ? 'remove_posts' : 'restrict_in_jurisdiction',
          country: a.country,
        })),
      },
      at,
    });
  }
}
