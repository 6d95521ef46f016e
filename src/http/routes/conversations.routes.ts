import { Type } from 'typebox';
import { requireAccount } from '../access.ts';
import type { RouteModule } from '../types.ts';
import { bearer, errorResponses, PageQuery } from '../schemas.ts';

const IdParam = Type.Object({ id: Type.String({ maxLength: 64 }) });
const MessageBody = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 4096 })),
    media: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
const MessageSchema = Type.Object({
  id: Type.String(),
  senderId: Type.String(),
  text: Type.String(),
  mediaId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
const MessagesPage = Type.Object({ messages: Type.Array(MessageSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/** Private groups and one-to-one chats: members only. No moderation route ever reads these. */
export const conversationsRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/v1/groups',
    {
      config: { access: 'account' },
      schema: {
        tags: ['private'],
        summary: 'Create a private group (at most 200 members)',
        security: bearer,
        body: Type.Object({ title: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ id: Type.String(), title: Type.String(), members: Type.Integer(), memberLimit: Type.Integer(), createdAt: Type.String() }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await ctx.conversations.createGroup(requireAccount(req).accountId, req.body.title)),
  );

  app.post(
    '/api/v1/groups/:id/members',
    {
      config: { access: 'account' },
      schema: {
        tags: ['private'],
        summary: 'Add a member (members only; the 201st is refused)',
        security: bearer,
        params: IdParam,
        body: Type.Object({ accountId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ id: Type.String(), title: Type.String(), members: Type.Integer(), memberLimit: Type.Integer(), added: Type.Boolean() }),
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (req) => ctx.conversations.addMember(requireAccount(req).accountId, req.params.id, req.body.accountId),
  );

  for (const kind of ['group', 'chat'] as const) {
    const base = kind === 'group' ? '/api/v1/groups/:id/messages' : '/api/v1/chats/:id/messages';
    app.post(
      base,
      {
        config: { access: 'account' },
        schema: {
          tags: ['private'],
          summary: `Send a message to a ${kind} (members only)`,
          security: bearer,
          params: IdParam,
          body: MessageBody,
          response: { 201: MessageSchema, ...errorResponses(400, 401, 404) },
        },
      },
      async (req, reply) => reply.status(201).send(await ctx.conversations.send(kind, req.params.id, requireAccount(req).accountId, req.body)),
    );
    app.get(
      base,
      {
        config: { access: 'account' },
        schema: {
          tags: ['private'],
          summary: `Read a ${kind}'s messages (members only)`,
          security: bearer,
          params: IdParam,
          querystring: PageQuery,
          response: { 200: MessagesPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (req) => ctx.conversations.list(kind, req.params.id, requireAccount(req).accountId, req.query),
    );
  }

  app.post(
    '/api/v1/chats',
    {
      config: { access: 'account' },
      schema: {
        tags: ['private'],
        summary: 'Open (or find) the one-to-one chat with another account',
        security: bearer,
        body: Type.Object({ accountId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Type.String(), participants: Type.Array(Type.String()), createdAt: Type.String() }), ...errorResponses(400, 401) },
      },
    },
    async (req) => ctx.conversations.openChat(requireAccount(req).accountId, req.body.accountId),
  );
};
