// Connected platforms register the public content they host, and learn the verdict of detection.
// Platform API keys only; a platform is the organisation of its key and sees only its own items.
import { Type } from 'typebox';
import type { RouteModule } from '../types.ts';
import { bearer, errorResponses } from '../schemas.ts';
import { requirePlatform } from '../access.ts';
import { CONTENT_LIMITS, contentBodyLimit } from '../../detection/content-registration.service.ts';

const L = CONTENT_LIMITS;
const Kind = Type.String({ maxLength: 32, description: 'channel, post, bot or sticker_set (group and chat are private and refused)' });
const PlatformId = Type.String({ minLength: 1, maxLength: L.idLength, description: "The platform's own id" });

const ContentBody = Type.Object(
  {
    kind: Kind,
    id: PlatformId,
    url: Type.String({ minLength: 1, maxLength: L.urlLength, description: 'The public http(s) URL; reports may name the content by it' }),
    ownerId: Type.Optional(Type.String({ minLength: 1, maxLength: L.ownerIdLength, description: "The owner's account id on the platform" })),
    reach: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_000_000_000, description: 'Subscribers or followers' })),
    title: Type.Optional(Type.String({ maxLength: L.titleLength })),
    text: Type.Optional(Type.String({ maxLength: L.textLength, description: "A post's text, or a channel's or bot's description" })),
    channelId: Type.Optional(
      Type.String({ minLength: 1, maxLength: L.idLength, description: "For a post: its channel's platform id (register the channel first)" }),
    ),
    media: Type.Optional(
      Type.Array(
        Type.Object(
          {
            url: Type.Optional(
              Type.String({
                maxLength: L.urlLength,
                description: 'Where the platform serves it: fetched and scanned when no contentBase64 is given, and a link for reviewers',
              }),
            ),
            contentBase64: Type.Optional(
              Type.String({
                description: 'The file, standard base64: sniffed, decoded and matched; at most the upload limit (VIGIL_MAX_UPLOAD_BYTES) per item',
              }),
            ),
            mime: Type.Optional(Type.String({ maxLength: L.mimeLength, description: 'Used only for URL-only media; bytes are sniffed' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: L.mediaItems },
      ),
    ),
  },
  { additionalProperties: false },
);

const Signal = Type.Union([
  Type.Object({
    type: Type.Literal('hash_match'),
    media: Type.Integer({ description: 'Position of the media item in the registration' }),
    category: Type.String({ description: 'The bank category: terrorism, csam, ncii or other' }),
    match: Type.String({ description: 'pdq (perceptual), md5 or sha256 (exact)' }),
  }),
  Type.Object({ type: Type.Literal('scan_timeout') }),
  Type.Object({
    type: Type.Literal('media_unavailable'),
    media: Type.Integer({ description: 'Position of the media item given only by URL that Vigil could not fetch (so did not scan)' }),
    reason: Type.String(),
  }),
]);

const ContentView = Type.Object({
  platform: Type.String(),
  kind: Type.String(),
  id: Type.String(),
  vigilId: Type.String({ description: "Vigil's id of the item, as cases and webhooks name it" }),
  url: Type.String(),
  ownerId: Type.Union([Type.String(), Type.Null()]),
  reach: Type.Integer(),
  title: Type.String(),
  text: Type.String(),
  channelId: Type.Union([Type.String(), Type.Null()]),
  media: Type.Array(
    Type.Object({
      id: Type.String(),
      position: Type.Integer(),
      url: Type.Union([Type.String(), Type.Null()]),
      mime: Type.String(),
      size: Type.Integer(),
      sha256: Type.Union([Type.String(), Type.Null()]),
      md5: Type.Union([Type.String(), Type.Null()]),
      scanned: Type.Boolean({ description: 'False for media given only by a URL that could not be fetched' }),
    }),
  ),
  verdict: Type.Union([Type.Literal('allow'), Type.Literal('hold'), Type.Literal('refuse')], {
    description: 'allow: publish; hold: publish nothing until reviewed; refuse: known terrorist or CSAM image, never publish',
  }),
  signals: Type.Array(Signal),
  actions: Type.Array(Type.String(), { description: 'Active enforcement on the item (or a post’s channel): held, removed, blocked, restricted' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

const ItemParams = Type.Object({ kind: Kind, id: PlatformId });

export const contentRoutes: RouteModule = (app, ctx) => {
  const platform = { tags: ['connected platforms'], security: bearer };

  app.post(
    '/api/v1/content',
    {
      config: { access: 'platform' },
      bodyLimit: contentBodyLimit(ctx.config.maxUploadBytes),
      schema: {
        ...platform,
        summary: 'Register or update public content the platform hosts; answers the verdict of detection',
        description:
          'Idempotent by (platform, kind, id): 201 when created, 200 when updated. Only media new to the item is scanned. Media bytes are never stored, only their hashes.',
        body: ContentBody,
        response: { 200: ContentView, 201: ContentView, ...errorResponses(400, 401, 403, 413, 415, 422, 503) },
      },
    },
    async (req, reply) => {
      const { org } = requirePlatform(req);
      const { created, view } = await ctx.content.register(org, req.body);
      return reply.status(created ? 201 : 200).send(view);
    },
  );

  app.get(
    '/api/v1/content/:kind/:id',
    {
      config: { access: 'platform' },
      schema: {
        ...platform,
        summary: 'One registered item, its verdict and active enforcement',
        params: ItemParams,
        response: { 200: ContentView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => ctx.content.get(requirePlatform(req).org, req.params.kind, req.params.id),
  );

  app.delete(
    '/api/v1/content/:kind/:id',
    {
      config: { access: 'platform' },
      schema: {
        ...platform,
        summary: 'The platform deleted the content: it can no longer be reported; open cases keep it, marked deleted',
        params: ItemParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await ctx.content.remove(requirePlatform(req).org, req.params.kind, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
