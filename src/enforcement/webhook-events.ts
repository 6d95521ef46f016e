// Outbound webhook events: what a platform is told about its content (Standard Webhooks payloads,
// `{type, timestamp, data}`). An event is emitted INSIDE the transaction of the change it reports: for
// every endpoint of the platform subscribed to its type, one delivery row and one delivery job
// (jobs/, the transactional outbox), so the event exists exactly when the change does. Each event has a
// key naming its cause (`subject.actioned:<decision>:<subject>`); the message id is derived from it, so
// emitting the same cause twice writes nothing more, and receivers can deduplicate on `webhook-id`.
import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/time.ts';
import { REFERENCE_PLATFORM } from '../shared/platforms.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { ConnectedContentRepository } from '../subjects/connected-content.repository.ts';
import { WebhooksRepository } from './webhooks.repository.ts';

/** Every event type, written once: routes validate subscriptions against it, docs list it. */
export const WEBHOOK_EVENT_TYPES = [
  'subject.actioned',
  'subject.restored',
  'post.removed',
  'content.held',
  'content.released',
  'report.declined',
  'case.opened',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (v: string): v is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(v);

/**
 * What an event is about. `id` is Vigil's id (`cnt_…` for a connected platform's content, as in cases);
 * `externalId` is the platform's own id of it, which a connected platform acts on. Built only here: the
 * emitter adds `externalId` inside the emitting transaction (`withExternalIds`), for the event's subject
 * and the subjects named in its data (`SUBJECT_FIELDS`). Reference-platform subjects have none.
 */
export interface WebhookSubject {
  platform: string;
  kind: string;
  id: string;
  externalId?: string;
}

export function webhookSubject(platform: string, kind: string, id: string): WebhookSubject {
  return { platform, kind, id };
}

/** The fields of an event's data that name a subject too (the channel of a removed post, what a hold is within). */
export const SUBJECT_FIELDS = ['channel', 'within'] as const;

const isSubject = (v: unknown): v is WebhookSubject =>
  typeof v === 'object' && v !== null && typeof (v as WebhookSubject).platform === 'string' && typeof (v as WebhookSubject).id === 'string';

/**
 * The event's subjects with the platform's own ids, read in `trx` (so content registered in the same
 * transaction is found). A connected platform's private group or chat is named `<platform>:<its id>` and
 * never registered: its own id is what follows the prefix.
 */
async function withExternalIds(trx: Db, e: WebhookEventInput): Promise<{ subject: WebhookSubject; data: Record<string, unknown> }> {
  const data = { ...e.data };
  const named = [e.subject, ...SUBJECT_FIELDS.map((f) => data[f]).filter(isSubject)].filter((s) => s.platform !== REFERENCE_PLATFORM);
  if (named.length === 0) return { subject: e.subject, data };
  const rows = await new ConnectedContentRepository(trx).findByIds([...new Set(named.map((s) => s.id))]);
  const own = new Map(rows.map((r) => [`${r.platform}:${r.kind}:${r.id}`, r.external_id]));
  const add = (s: WebhookSubject): WebhookSubject => {
    if (s.platform === REFERENCE_PLATFORM) return s;
    const prefix = `${s.platform}:`;
    const externalId = own.get(`${s.platform}:${s.kind}:${s.id}`) ?? (s.id.startsWith(prefix) ? s.id.slice(prefix.length) : undefined);
    return externalId === undefined ? s : { ...s, externalId };
  };
  for (const f of SUBJECT_FIELDS) {
    const v = data[f];
    if (isSubject(v)) data[f] = add(v);
  }
  return { subject: add(e.subject), data };
}

export interface WebhookEventInput {
  /** Whose endpoints receive it. */
  platform: string;
  type: WebhookEventType;
  /** Names the cause, once: the same key is the same message. */
  key: string;
  subject: WebhookSubject;
  /** What the event is about, beside its subject. Never a reporter's identity. */
  data: Record<string, unknown>;
  /** When it happened (ISO); now by default. */
  at?: string;
}

/** The job that delivers one message to one endpoint (enforcement/webhook-delivery.ts). */
export const WEBHOOK_DELIVERY_JOB = 'webhooks.deliver';
export interface WebhookDeliveryJob {
  deliveryId: string;
}
/** A bound on claims of one delivery job; its real limit is the delivery's 24-hour window. */
export const WEBHOOK_JOB_MAX_ATTEMPTS = 100;

export const messageIdOf = (platform: string, key: string): string => `msg_${createHash('sha256').update(`${platform}\0${key}`).digest('hex').slice(0, 32)}`;

/** Writes the event's deliveries and their jobs in `trx`; returns how many endpoints will receive it. */
export async function emitWebhookEvent(trx: Db, queue: JobQueue, e: WebhookEventInput): Promise<number> {
  const repo = new WebhooksRepository(trx);
  const endpoints = (await repo.listEndpoints(e.platform)).filter((ep) => (JSON.parse(ep.events) as string[]).includes(e.type));
  if (endpoints.length === 0) return 0;
  const at = e.at ?? nowIso();
  const messageId = messageIdOf(e.platform, e.key);
  const { subject, data } = await withExternalIds(trx, e);
  const payload = JSON.stringify({ type: e.type, timestamp: at, data: { subject, ...data } });
  let n = 0;
  for (const ep of endpoints) {
    const id = newId('whd');
    const inserted = await repo.insertDelivery({
      id,
      endpoint_id: ep.id,
      message_id: messageId,
      event_type: e.type,
      payload,
      state: 'pending',
      attempts: 0,
      last_status: null,
      last_error: null,
      first_attempt_at: null,
      last_attempt_at: null,
      next_attempt_at: null,
      delivered_at: null,
      job_id: null,
      created_at: nowIso(),
    });
    if (!inserted) continue;
    const job: WebhookDeliveryJob = { deliveryId: id };
    const jobId = await queue.enqueue(trx, WEBHOOK_DELIVERY_JOB, job, { dedupeKey: `webhook:${id}`, maxAttempts: WEBHOOK_JOB_MAX_ATTEMPTS });
    await repo.setDeliveryJob(id, jobId);
    n++;
  }
  return n;
}

/** What services hold to emit events: `emit` inside their transaction, `committed` after it. */
export interface WebhookEmitter {
  emit(trx: Db, e: WebhookEventInput): Promise<number>;
  /** After the emitting transaction committed: this process's runner delivers at once. */
  committed(): void;
}

export const noWebhooks: WebhookEmitter = { emit: async () => 0, committed: () => {} };

export function webhookEmitter(queue: JobQueue): WebhookEmitter {
  return { emit: (trx, e) => emitWebhookEvent(trx, queue, e), committed: () => queue.wake() };
}
