// Webhook endpoints and their deliveries, as platforms and admins manage them: register (the signing
// secret is shown once and stored sealed under the server secret), list, delete, rotate the secret (the
// old one keeps signing beside the new one for 24 hours), the last deliveries of an endpoint, and
// re-sending one. A platform sees only its own endpoints; another platform's are "not found".
import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Db } from '../db/database.ts';
import type { WebhookDeliveryState } from '../db/schema-webhooks.ts';
import { badRequest, conflict, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { ServerSecret } from '../shared/secrets.ts';
import { nowIso } from '../shared/time.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { JobsRepository } from '../jobs/jobs.repository.ts';
import { isWebhookEventType, WEBHOOK_DELIVERY_JOB, WEBHOOK_JOB_MAX_ATTEMPTS, type WebhookDeliveryJob, type WebhookEventType } from './webhook-events.ts';
import { WEBHOOK_SECRET_PURPOSE } from './webhook-delivery.ts';
import { checkWebhookUrl, type WebhookUrlRules } from './webhook-url.ts';
import { WebhooksRepository, type WebhookDelivery, type WebhookEndpoint } from './webhooks.repository.ts';

/** Whose endpoints a caller manages: one platform's (a platform key), or all of them (an admin). */
export type WebhookScope = { platform: string } | { all: true };

export const MAX_ENDPOINTS_PER_PLATFORM = 20;
/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export interface WebhookEndpointView {
  id: string;
  platform: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
  /** After a rotation: until when the previous secret still signs, beside the current one. */
  previousSecretExpiresAt: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  messageId: string;
  eventType: string;
  state: WebhookDeliveryState;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  firstAttemptAt: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

const endpointView = (e: WebhookEndpoint, now = Date.now()): WebhookEndpointView => ({
  id: e.id,
  platform: e.platform,
  url: e.url,
  events: JSON.parse(e.events) as WebhookEventType[],
  createdAt: e.created_at,
  previousSecretExpiresAt: e.previous_secret_until && Date.parse(e.previous_secret_until) > now ? e.previous_secret_until : null,
});

const deliveryView = (d: WebhookDelivery): WebhookDeliveryView => ({
  id: d.id,
  endpointId: d.endpoint_id,
  messageId: d.message_id,
  eventType: d.event_type,
  state: d.state,
  attempts: d.attempts,
  lastStatus: d.last_status,
  lastError: d.last_error,
  firstAttemptAt: d.first_attempt_at,
  lastAttemptAt: d.last_attempt_at,
  nextAttemptAt: d.next_attempt_at,
  deliveredAt: d.delivered_at,
  createdAt: d.created_at,
});

/** A new signing secret: `whsec_` + 32 random bytes in base64, as Standard Webhooks libraries read it. */
const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

const inScope = (scope: WebhookScope, platform: string) => 'all' in scope || scope.platform === platform;

function checkEvents(events: string[]): WebhookEventType[] {
  const unique = [...new Set(events)];
  const bad = unique.find((e) => !isWebhookEventType(e));
  if (bad !== undefined) throw badRequest('invalid_events', `"${bad}" is not an event type.`, [{ field: 'events', message: `unknown event type "${bad}"` }]);
  if (unique.length === 0) throw badRequest('invalid_events', 'Name at least one event type.', [{ field: 'events', message: 'is empty' }]);
  return unique as WebhookEventType[];
}

export class WebhooksService {
  #db: Db;
  #audit: AuditLog;
  #secret: ServerSecret;
  #queue: JobQueue;
  #urlRules: WebhookUrlRules;
  constructor(opts: { db: Db; audit: AuditLog; secret: ServerSecret; queue: JobQueue; urlRules: WebhookUrlRules }) {
    this.#db = opts.db;
    this.#audit = opts.audit;
    this.#secret = opts.secret;
    this.#queue = opts.queue;
    this.#urlRules = opts.urlRules;
  }

  async register(platform: string, input: { url: string; events: string[] }, actor: string): Promise<WebhookEndpointView & { secret: string }> {
    const url = checkWebhookUrl(input.url, this.#urlRules);
    const events = checkEvents(input.events);
    const secret = newSigningSecret();
    const row: WebhookEndpoint = {
      id: newId('whe'),
      platform,
      url,
      events: JSON.stringify(events),
      secret: this.#secret.seal(WEBHOOK_SECRET_PURPOSE, secret),
      previous_secret: null,
      previous_secret_until: null,
      created_by: actor,
      created_at: nowIso(),
    };
    await this.#db.transaction().execute(async (trx) => {
      const repo = new WebhooksRepository(trx);
      if ((await repo.countEndpoints(platform)) >= MAX_ENDPOINTS_PER_PLATFORM) {
        throw conflict('too_many_endpoints', `A platform may have at most ${MAX_ENDPOINTS_PER_PLATFORM} webhook endpoints; delete one first.`);
      }
      await repo.insertEndpoint(row);
      await this.#audit.append({ actor, action: 'webhook.registered', target: `webhook:${row.id}`, data: { platform, url, events } }, trx);
    });
    return { ...endpointView(row), secret };
  }

  async list(scope: WebhookScope): Promise<WebhookEndpointView[]> {
    const rows = await new WebhooksRepository(this.#db).listEndpoints('all' in scope ? undefined : scope.platform);
    return rows.map((r) => endpointView(r));
  }

  async #endpointIn(db: Db, scope: WebhookScope, id: string): Promise<WebhookEndpoint> {
    const ep = await new WebhooksRepository(db).findEndpoint(id);
    if (!ep || !inScope(scope, ep.platform)) throw notFound('Webhook endpoint');
    return ep;
  }

  async delete(scope: WebhookScope, id: string, actor: string): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      const ep = await this.#endpointIn(trx, scope, id);
      await new WebhooksRepository(trx).deleteEndpoint(id);
      await this.#audit.append({ actor, action: 'webhook.deleted', target: `webhook:${id}`, data: { platform: ep.platform, url: ep.url } }, trx);
    });
  }

  /** A new secret; the current one keeps signing beside it for 24 hours (a second rotation within them drops the oldest). */
  async rotateSecret(scope: WebhookScope, id: string, actor: string): Promise<WebhookEndpointView & { secret: string }> {
    const secret = newSigningSecret();
    const until = new Date(Date.now() + ROTATION_OVERLAP_MS).toISOString();
    const ep = await this.#db.transaction().execute(async (trx) => {
      const found = await this.#endpointIn(trx, scope, id);
      const sealed = this.#secret.seal(WEBHOOK_SECRET_PURPOSE, secret);
      await new WebhooksRepository(trx).setSecrets(id, sealed, found.secret, until);
      await this.#audit.append(
        { actor, action: 'webhook.secret_rotated', target: `webhook:${id}`, data: { platform: found.platform, previousUntil: until } },
        trx,
      );
      return { ...found, secret: sealed, previous_secret: found.secret, previous_secret_until: until };
    });
    return { ...endpointView(ep), secret };
  }

  async deliveries(scope: WebhookScope, endpointId: string, limit: number): Promise<WebhookDeliveryView[]> {
    await this.#endpointIn(this.#db, scope, endpointId);
    return (await new WebhooksRepository(this.#db).deliveriesOf(endpointId, limit)).map(deliveryView);
  }

  /**
   * Sends a delivery again with a fresh 24-hour window, under the same `webhook-id` (receivers deduplicate
   * on it). One being attempted or waiting for its next attempt is sent again now rather than twice.
   */
  async resend(scope: WebhookScope, deliveryId: string, actor: string): Promise<WebhookDeliveryView> {
    const view = await this.#db.transaction().execute(async (trx) => {
      const repo = new WebhooksRepository(trx);
      const d = await repo.findDelivery(deliveryId);
      if (!d) throw notFound('Webhook delivery');
      const ep = await this.#endpointIn(trx, scope, d.endpoint_id).catch(() => {
        throw notFound('Webhook delivery');
      });
      const jobs = new JobsRepository(trx);
      const current = d.job_id ? await jobs.find(d.job_id) : undefined;
      if (current && (current.state === 'queued' || current.state === 'running')) {
        throw conflict('delivery_in_progress', 'This delivery is being attempted now; look again in a moment.');
      }
      let jobId: string;
      if (current && (current.state === 'failed' || current.state === 'dead')) {
        await jobs.retry(current.id, nowIso());
        jobId = current.id;
      } else {
        const job: WebhookDeliveryJob = { deliveryId: d.id };
        jobId = await this.#queue.enqueue(trx, WEBHOOK_DELIVERY_JOB, job, { maxAttempts: WEBHOOK_JOB_MAX_ATTEMPTS });
      }
      await repo.resetForResend(d.id, jobId);
      await this.#audit.append(
        { actor, action: 'webhook.resent', target: `webhook_delivery:${d.id}`, data: { endpointId: ep.id, eventType: d.event_type, messageId: d.message_id } },
        trx,
      );
      return deliveryView({ ...d, state: 'pending', first_attempt_at: null, next_attempt_at: null, delivered_at: null, job_id: jobId });
    });
    this.#queue.wake();
    return view;
  }
}
