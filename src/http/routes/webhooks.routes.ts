// Outbound webhooks: a platform registers, lists and deletes its endpoints and rotates their signing
// secrets; an admin does the same for any platform (naming it, e.g. `reference`). Both see an endpoint's
// last deliveries and may re-send one. Delivery itself runs in the job runner, never in a request.
import { Type } from 'typebox';
import { requireWebhookManager } from '../access.ts';
import { actorOf } from '../actor.ts';
import { bearer, errorResponses } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { WEBHOOK_EVENT_TYPES } from '../../enforcement/webhook-events.ts';
import { WEBHOOK_DELIVERY_STATES } from '../../db/schema-webhooks.ts';
import { badRequest, forbidden } from '../../shared/errors.ts';
import { isPlatformName, PLATFORM_NAME_RULE, REFERENCE_PLATFORM } from '../../shared/platforms.ts';
import { staffAuth } from './people.routes.ts';

const security = [...bearer, ...staffAuth.filter((s) => 'sessionCookie' in s)];
const EventType = Type.Enum(WEBHOOK_EVENT_TYPES, { description: 'An event type' });
const EndpointSchema = Type.Object({
  id: Type.String(),
  platform: Type.String({ description: '`reference` or the organisation of a platform key' }),
  url: Type.String(),
  events: Type.Array(EventType),
  createdAt: Type.String(),
  previousSecretExpiresAt: Type.Union([Type.String(), Type.Null()], { description: 'After a rotation: until when the previous secret also signs' }),
});
const WithSecret = Type.Intersect([
  EndpointSchema,
  Type.Object({ secret: Type.String({ description: 'The signing secret (`whsec_…`): shown only in this answer' }) }),
]);
const DeliverySchema = Type.Object({
  id: Type.String(),
  endpointId: Type.String(),
  messageId: Type.String({ description: 'The `webhook-id` header' }),
  eventType: Type.String(),
  state: Type.Enum(WEBHOOK_DELIVERY_STATES),
  attempts: Type.Integer(),
  lastStatus: Type.Union([Type.Integer(), Type.Null()], { description: "The receiver's last HTTP status (null: no answer)" }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  firstAttemptAt: Type.Union([Type.String(), Type.Null()]),
  lastAttemptAt: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const common = { tags: ['webhooks'], security };

export const webhooksRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/v1/webhooks',
    {
      config: { access: 'webhooks' },
      schema: {
        ...common,
        summary: 'Register an endpoint for events about a platform’s content; the answer carries its signing secret, once',
        body: Type.Object(
          {
            url: Type.String({ maxLength: 8192, description: 'https URL of the receiver' }),
            events: Type.Array(EventType, { minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true }),
            platform: Type.Optional(
              Type.String({ maxLength: 63, description: 'Admins only: whose events (e.g. `reference`); a platform key registers for its own platform' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: WithSecret, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const scope = requireWebhookManager(req);
      let platform: string;
      if ('platform' in scope) {
        if (req.body.platform !== undefined && req.body.platform !== scope.platform)
          throw forbidden('A platform key registers endpoints for its own platform only.');
        platform = scope.platform;
      } else {
        if (req.body.platform === undefined)
          throw badRequest('platform_required', 'Name the platform whose events the endpoint receives (e.g. "reference").', [
            { field: 'platform', message: 'is required' },
          ]);
        if (req.body.platform !== REFERENCE_PLATFORM && !isPlatformName(req.body.platform)) {
          throw badRequest('invalid_platform', `A platform name is ${PLATFORM_NAME_RULE}.`, [{ field: 'platform', message: 'invalid' }]);
        }
        platform = req.body.platform;
      }
      const created = await ctx.webhooks.register(platform, req.body, actorOf(req.principal));
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/webhooks',
    {
      config: { access: 'webhooks' },
      schema: {
        ...common,
        summary: 'The endpoints of the caller’s platform (an admin: of every platform)',
        response: { 200: Type.Object({ endpoints: Type.Array(EndpointSchema) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ endpoints: await ctx.webhooks.list(requireWebhookManager(req)) }),
  );

  app.delete(
    '/api/v1/webhooks/:id',
    {
      config: { access: 'webhooks' },
      schema: {
        ...common,
        summary: 'Delete an endpoint and its delivery records',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await ctx.webhooks.delete(requireWebhookManager(req), req.params.id, actorOf(req.principal));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/webhooks/:id/secret',
    {
      config: { access: 'webhooks' },
      schema: {
        ...common,
        summary: 'Rotate the signing secret: the answer carries the new one; the old one keeps signing beside it for 24 hours',
        params: IdParams,
        response: { 200: WithSecret, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => ctx.webhooks.rotateSecret(requireWebhookManager(req), req.params.id, actorOf(req.principal)),
  );

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      config: { access: 'webhooks' },
      schema: {
        ...common,
        summary: 'The last deliveries to an endpoint, newest first: event, state, attempts, last status or error',
        params: IdParams,
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
        response: { 200: Type.Object({ deliveries: Type.Array(DeliverySchema) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => ({ deliveries: await ctx.webhooks.deliveries(requireWebhookManager(req), req.params.id, req.query.limit) }),
  );

  app.post(
    '/api/v1/webhooks/deliveries/:id/resend',
    {
      config: { access: 'webhooks' },
      schema: {
        ...common,
        summary: 'Send a delivery again (same webhook-id), with a fresh 24-hour retry window',
        params: IdParams,
        response: { 202: DeliverySchema, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(202).send(await ctx.webhooks.resend(requireWebhookManager(req), req.params.id, actorOf(req.principal))),
  );
};
