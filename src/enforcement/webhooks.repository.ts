// The SQL of outbound webhooks: endpoints and the delivery of each message to each endpoint.
import type { Db } from '../db/database.ts';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../db/schema-webhooks.ts';

export type WebhookEndpoint = WebhookEndpointsTable;
export type WebhookDelivery = WebhookDeliveriesTable;

export class WebhooksRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insertEndpoint(row: WebhookEndpointsTable): Promise<void> {
    await this.#db.insertInto('webhook_endpoints').values(row).execute();
  }

  findEndpoint(id: string): Promise<WebhookEndpoint | undefined> {
    return this.#db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A platform's endpoints, or every endpoint when `platform` is undefined; oldest first. */
  listEndpoints(platform?: string): Promise<WebhookEndpoint[]> {
    let q = this.#db.selectFrom('webhook_endpoints').selectAll();
    if (platform !== undefined) q = q.where('platform', '=', platform);
    return q.orderBy('created_at').orderBy('id').execute();
  }

  async countEndpoints(platform: string): Promise<number> {
    const r = await this.#db
      .selectFrom('webhook_endpoints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('platform', '=', platform)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async setSecrets(id: string, secret: string, previous: string | null, previousUntil: string | null): Promise<void> {
    await this.#db
      .updateTable('webhook_endpoints')
      .set({ secret, previous_secret: previous, previous_secret_until: previousUntil })
      .where('id', '=', id)
      .execute();
  }

  /** Deletes the endpoint and its delivery records; jobs still queued for them find nothing and end. */
  async deleteEndpoint(id: string): Promise<void> {
    await this.#db.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
    await this.#db.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
  }

  /** Inserts the delivery unless this message already has one for this endpoint; true when inserted. */
  async insertDelivery(row: WebhookDeliveriesTable): Promise<boolean> {
    const r = await this.#db
      .insertInto('webhook_deliveries')
      .values(row)
      .onConflict((oc) => oc.columns(['endpoint_id', 'message_id']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async setDeliveryJob(id: string, jobId: string): Promise<void> {
    await this.#db.updateTable('webhook_deliveries').set({ job_id: jobId }).where('id', '=', id).execute();
  }

  findDelivery(id: string): Promise<WebhookDelivery | undefined> {
    return this.#db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The newest deliveries to an endpoint first. */
  deliveriesOf(endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    return this.#db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint_id', '=', endpointId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** The outcome of one attempt. */
  async recordAttempt(
    id: string,
    outcome: Pick<
      WebhookDeliveriesTable,
      'state' | 'attempts' | 'last_status' | 'last_error' | 'first_attempt_at' | 'last_attempt_at' | 'next_attempt_at' | 'delivered_at'
    >,
  ): Promise<void> {
    await this.#db.updateTable('webhook_deliveries').set(outcome).where('id', '=', id).execute();
  }

  /** Back to pending for a re-send: a new 24-hour window from its next first attempt. */
  async resetForResend(id: string, jobId: string): Promise<void> {
    await this.#db
      .updateTable('webhook_deliveries')
      .set({ state: 'pending', first_attempt_at: null, next_attempt_at: null, delivered_at: null, job_id: jobId })
      .where('id', '=', id)
      .execute();
  }
}
