import { Type } from 'typebox';
import { requireAccount } from '../access.ts';
import type { RouteModule } from '../types.ts';
import { bearer, errorResponses, MediaSchema } from '../schemas.ts';
import { viewerOf } from '../viewer.ts';
import { botView } from '../../platform/bots.service.ts';

const BotSchema = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  description: Type.String(),
  pictureMediaId: Type.Union([Type.String(), Type.Null()]),
  link: Type.String(),
  createdAt: Type.String(),
  held: Type.Optional(Type.Boolean({ description: 'Held back from the public for review by automated detection' })),
});
const StickerSetSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  title: Type.String(),
  stickers: Type.Array(MediaSchema),
  link: Type.String(),
  createdAt: Type.String(),
  held: Type.Optional(Type.Boolean({ description: 'Held back from the public for review by automated detection' })),
});

export const botsAndStickersRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/v1/bots',
    {
      config: { access: 'account' },
      schema: {
        tags: ['platform'],
        summary: 'Create a bot',
        security: bearer,
        body: Type.Object(
          {
            handle: Type.String({ maxLength: 64 }),
            description: Type.Optional(Type.String({ maxLength: 512 })),
            picture: Type.Optional(Type.String({ maxLength: 64, description: 'media id of an image' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: BotSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const { accountId } = requireAccount(req);
      return reply.status(201).send(await ctx.bots.create(accountId, req.body));
    },
  );

  app.get(
    '/api/v1/bots/:handle',
    {
      schema: {
        tags: ['platform'],
        summary: 'A bot',
        params: Type.Object({ handle: Type.String({ maxLength: 64 }) }),
        response: { 200: BotSchema, ...errorResponses(404, 451) },
      },
    },
    async (req) => botView(await ctx.bots.getVisible(req.params.handle, viewerOf(req))),
  );

  const BotMessage = Type.Object({ id: Type.String(), text: Type.String(), createdAt: Type.String() });
  app.post(
    '/api/v1/bots/:handle/messages',
    {
      config: { access: 'account' },
      schema: {
        tags: ['platform'],
        summary: "Publish a public message as the bot (its owner); a blocked bot can't",
        security: bearer,
        params: Type.Object({ handle: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 4096 }) }, { additionalProperties: false }),
        response: { 201: BotMessage, ...errorResponses(400, 401, 403, 404, 451) },
      },
    },
    async (req, reply) => reply.status(201).send(await ctx.bots.postMessage(requireAccount(req).accountId, req.params.handle, req.body.text, viewerOf(req))),
  );

  app.get(
    '/api/v1/bots/:handle/messages',
    {
      schema: {
        tags: ['platform'],
        summary: "A bot's recent public messages",
        params: Type.Object({ handle: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Object({ messages: Type.Array(BotMessage) }), ...errorResponses(404, 451) },
      },
    },
    async (req) => ({ messages: await ctx.bots.messages(req.params.handle, viewerOf(req)) }),
  );

  app.post(
    '/api/v1/sticker-sets',
    {
      config: { access: 'account' },
      schema: {
        tags: ['platform'],
        summary: 'Create a sticker set',
        security: bearer,
        body: Type.Object(
          {
            name: Type.String({ maxLength: 64 }),
            title: Type.String({ minLength: 1, maxLength: 64 }),
            stickers: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 120 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: StickerSetSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const { accountId } = requireAccount(req);
      return reply.status(201).send(await ctx.stickerSets.create(accountId, req.body));
    },
  );

  app.get(
    '/api/v1/sticker-sets/:name',
    {
      schema: {
        tags: ['platform'],
        summary: 'A sticker set',
        params: Type.Object({ name: Type.String({ maxLength: 64 }) }),
        response: { 200: StickerSetSchema, ...errorResponses(404, 451) },
      },
    },
    async (req) => ctx.stickerSets.getVisible(req.params.name, viewerOf(req)),
  );
};
