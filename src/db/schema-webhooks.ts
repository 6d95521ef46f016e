// Table types for outbound webhooks (migration 2026-12-04-02-webhooks).
export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed', 'dead'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

export interface WebhookEndpointsTable {
  id: string;
  platform: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  /** Sealed under the server secret (ServerSecret.seal), never in clear. */
  secret: string;
  previous_secret: string | null;
  /** Until when the previous secret still signs, beside the new one. */
  previous_secret_until: string | null;
  created_by: string;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  message_id: string;
  event_type: string;
  payload: string;
  state: WebhookDeliveryState;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  first_attempt_at: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  job_id: string | null;
  created_at: string;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
