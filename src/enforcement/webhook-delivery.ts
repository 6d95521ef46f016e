// Delivers one webhook message to one endpoint: the job handler of WEBHOOK_DELIVERY_JOB, run by the job
// runner (never inside a request). It signs the stored body as Standard Webhooks says (`webhook-id`,
// `webhook-timestamp`, `webhook-signature`: HMAC-SHA256 with the endpoint's secret, and also with the
// previous one for a day after a rotation, space-separated), POSTs it with a 10-second timeout and no
// redirects, and records the outcome. A 2xx answer is delivered; anything else is retried on the
// Standard Webhooks schedule for 24 hours from the first attempt (webhook-schedule.ts), then dead.
// Connections go only to public addresses unless private ones are allowed (webhook-url.ts): the check
// runs on the address each name resolves to, at connection time (shared/guarded-http.ts).
import type { Logger } from 'pino';
import { GuardedHttp } from '../shared/guarded-http.ts';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../db/database.ts';
import type { ServerSecret } from '../shared/secrets.ts';
import { RetryIn } from '../jobs/job-runner.ts';
import type { WebhookDeliveryJob } from './webhook-events.ts';
import { nextWebhookAttemptMs } from './webhook-schedule.ts';
import { WebhooksRepository, type WebhookEndpoint } from './webhooks.repository.ts';

/** The purpose under which endpoints' signing secrets are sealed with the server secret. */
export const WEBHOOK_SECRET_PURPOSE = 'webhook-signing-secret';
/** Of a receiver's answer, only this much is read (and thrown away). */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface WebhookDeliveryOptions {
  db: Db;
  secret: ServerSecret;
  logger: Logger;
  timeoutMs: number;
  /** Waits after the 1st, 2nd, … failure (the last repeats), within `windowMs` of the first attempt. */
  retryScheduleMs: readonly number[];
  retryWindowMs: number;
  allowPrivate: boolean;
}

interface Answer {
  status: number | null;
  error: string | null;
}

/** The endpoint's signing secrets now in force: the current one, and the previous one until its day is over. */
export function signingSecrets(ep: WebhookEndpoint, secret: ServerSecret, now: number): string[] {
  const secrets = [secret.unseal(WEBHOOK_SECRET_PURPOSE, ep.secret)];
  if (ep.previous_secret && ep.previous_secret_until && Date.parse(ep.previous_secret_until) > now) {
    secrets.push(secret.unseal(WEBHOOK_SECRET_PURPOSE, ep.previous_secret));
  }
  return secrets;
}

export class WebhookDeliverer {
  #o: WebhookDeliveryOptions;
  #outbound: GuardedHttp;
  constructor(opts: WebhookDeliveryOptions) {
    this.#o = opts;
    this.#outbound = new GuardedHttp(opts.allowPrivate);
  }

  /** The job's work. Throws RetryIn when the attempt failed, so the runner schedules the next one (or buries the job). */
  async deliver(job: WebhookDeliveryJob): Promise<void> {
    const repo = new WebhooksRepository(this.#o.db);
    const delivery = await repo.findDelivery(job.deliveryId);
    if (!delivery || delivery.state === 'delivered') return; // endpoint deleted, or delivered by an earlier run
    const endpoint = await repo.findEndpoint(delivery.endpoint_id);
    if (!endpoint) return;
    const started = Date.now();
    const firstAt = delivery.first_attempt_at ?? new Date(started).toISOString();
    let answer: Answer;
    try {
      const signature = signingSecrets(endpoint, this.#o.secret, started)
        .map((s) => new Webhook(s).sign(delivery.message_id, new Date(started), delivery.payload))
        .join(' ');
      answer = await this.#post(
        endpoint.url,
        {
          'content-type': 'application/json',
          'user-agent': 'Vigil-Webhooks/1',
          'webhook-id': delivery.message_id,
          'webhook-timestamp': String(Math.floor(started / 1000)),
          'webhook-signature': signature,
        },
        delivery.payload,
      );
    } catch (err) {
      answer = { status: null, error: err instanceof Error ? err.message : String(err) };
    }
    const now = Date.now();
    const attempts = delivery.attempts + 1;
    const ok = answer.status !== null && answer.status >= 200 && answer.status < 300;
    const wait = ok ? null : nextWebhookAttemptMs(attempts, now - Date.parse(firstAt), this.#o.retryScheduleMs, this.#o.retryWindowMs);
    const error = ok ? null : (answer.error ?? `the receiver answered ${answer.status}`).slice(0, 500);
    await repo.recordAttempt(delivery.id, {
      state: ok ? 'delivered' : wait === null ? 'dead' : 'failed',
      attempts,
      last_status: answer.status,
      last_error: error,
      first_attempt_at: firstAt,
      last_attempt_at: new Date(now).toISOString(),
      next_attempt_at: wait === null ? null : new Date(now + wait).toISOString(),
      delivered_at: ok ? new Date(now).toISOString() : null,
    });
    if (!ok) throw new RetryIn(`webhook ${delivery.id} to ${endpoint.id}: ${error}`, wait);
  }

  #post(url: string, headers: Record<string, string>, body: string): Promise<Answer> {
    const target = new URL(url);
    const { client, agent } = this.#outbound.for(target);
    return new Promise((resolve) => {
      let settled = false;
      const done = (a: Answer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(a);
      };
      const req = client.request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          agent,
        },
        (res) => {
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_ANSWER_BYTES) res.destroy();
          });
          // The status is what counts; the body is read (up to a limit) only to finish the exchange.
          const status = res.statusCode ?? null;
          res.on('end', () => done({ status, error: null }));
          res.on('close', () => done({ status, error: null }));
          res.on('error', () => done({ status, error: null }));
        },
      );
      // One deadline for the whole exchange: connecting, sending, and the answer's headers and body.
      const timer = setTimeout(() => {
        req.destroy();
        done({ status: null, error: `no answer within ${this.#o.timeoutMs} ms` });
      }, this.#o.timeoutMs);
      req.on('error', (err) => done({ status: null, error: err.message }));
      req.end(body);
    });
  }

  close(): void {
    this.#outbound.destroy();
  }
}
