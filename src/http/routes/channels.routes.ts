import { Type } from 'typebox';
import { requireAccount } from '../access.ts';
import type { RouteModule } from '../types.ts';
import { bearer, errorResponses, MediaSchema, NoticeSchema, PageQuery } from '../schemas.ts';
import { viewerOf } from '../viewer.ts';
import { channelView } from '../../platform/channels.service.ts';

const Handle = Type.Object({ handle: Type.String({ minLength: 1, maxLength: 64 }) });
const ChannelSchema = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  title: Type.String(),
  description: Type.String(),
  subscribers: Type.Integer(),
  link: Type.String(),
  createdAt: Type.String(),
});
const PostSchema = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  number: Type.Integer(),
  link: Type.String(),
  createdAt: Type.String(),
  text: Type.Optional(Type.String()),
  media: Type.Optional(Type.Array(MediaSchema)),
  withheld: Type.Optional(NoticeSchema),
  held: Type.Optional(Type.Boolean({ description: 'Held back from the public for review by automated detection' })),
});

export const channelsRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/api/v1/channels',
    {
      config: { access: 'account' },
      schema: {
        tags: ['platform'],
        summary: 'Create a public channel',
        security: bearer,
        body: Type.Object(
          {
            handle: Type.String({ maxLength: 64, description: '5–32 of a-z, 0-9, _; starts with a letter; unique case-insensitively' }),
            title: Type.String({ minLength: 1, maxLength: 128 }),
            description: Type.Optional(Type.String({ maxLength: 255 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ChannelSchema, ...errorResponses(400, 401, 409) },
      },
    },
    async (req, reply) => {
      const { accountId } = requireAccount(req);
      return reply.status(201).send(await ctx.channels.create(accountId, req.body));
    },
  );

  app.get(
    '/api/v1/channels/:handle',
    {
      schema: {
        tags: ['platform'],
        summary: 'A channel (451 with a notice when it may not be shown)',
        params: Handle,
        response: { 200: ChannelSchema, ...errorResponses(404, 451) },
      },
    },
    async (req) => channelView(await ctx.channels.getVisible(req.params.handle, viewerOf(req))),
  );

  app.post(
    '/api/v1/channels/:handle/admins',
    {
      config: { access: 'account' },
      schema: {
        tags: ['platform'],
        summary: 'Add an admin who may publish (owner only)',
        security: bearer,
        params: Handle,
        body: Type.Object({ accountId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { accountId } = requireAccount(req);
      await ctx.channels.addAdmin(accountId, req.params.handle, req.body.accountId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/channels/:handle/posts',
    {
      config: { access: 'account' },
      schema: {
        tags: ['platform'],
        summary: 'Publish a post as the channel (owner or admins); the author is never shown',
        security: bearer,
        params: Handle,
        body: Type.Object(
          {
            text: Type.Optional(Type.String({ maxLength: 4096 })),
            media: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 10 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: PostSchema, ...errorResponses(400, 401, 403, 404, 451) },
      },
    },
    async (req, reply) => {
      const { accountId } = requireAccount(req);
      return reply.status(201).send(await ctx.channels.publish(accountId, req.params.handle, req.body, viewerOf(req)));
    },
  );

  app.get(
    '/api/v1/channels/:handle/posts',
    {
      schema: {
        tags: ['platform'],
        summary: 'Posts, newest first, with cursor paging',
        params: Handle,
        querystring: PageQuery,
        response: {
          200: Type.Object({ channel: ChannelSchema, posts: Type.Array(PostSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses(400, 404, 451),
        },
      },
    },
    async (req) => ctx.channels.listPosts(req.params.handle, viewerOf(req), req.query),
  );

  app.get(
    '/api/v1/channels/:handle/posts/:number',
    {
      schema: {
        tags: ['platform'],
        summary: 'One post',
        params: Type.Object({ handle: Type.String({ maxLength: 64 }), number: Type.Integer({ minimum: 1 }) }),
        response: { 200: Type.Object({ channel: ChannelSchema, post: PostSchema }), ...errorResponses(404, 451) },
      },
    },
    async (req) => ctx.channels.getPost(req.params.handle, req.params.number, viewerOf(req)),
  );

  app.post(
    '/api/v1/channels/:handle/subscribe',
    {
      config: { access: 'account' },
      schema: {
        tags: ['platform'],
        summary: 'Subscribe to a channel',
        security: bearer,
        params: Handle,
        response: { 200: ChannelSchema, ...errorResponses(401, 404, 451) },
      },
    },
    async (req) => {
      const { accountId } = requireAccount(req);
      return ctx.channels.subscribe(accountId, req.params.handle, viewerOf(req));
    },
  );
};
