import multipart from '@fastify/multipart';
import { isStaffWith, requireAccount } from '../access.ts';
import type { RouteModule } from '../types.ts';
import { bearer, errorResponses, MediaSchema } from '../schemas.ts';
import { badRequest, notFound } from '../../shared/errors.ts';
import { readUploadedFile, uploadLimits } from '../multipart-upload.ts';
import { mediaView } from '../../platform/media.service.ts';
import { MediaAccess } from '../../platform/media-access.ts';
import { viewerOf } from '../viewer.ts';
import { Type } from 'typebox';

/**
 * Uploads: a raw body (any Content-Type: it is ignored, the bytes decide) or multipart/form-data with
 * one file part. Registered in its own encapsulated scope so these body parsers apply here only.
 */
export const mediaRoutes: RouteModule = async (app, ctx) => {
  await app.register(async (scope) => {
    const limit = ctx.config.maxUploadBytes;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) => done(null, body));
    await scope.register(multipart, { limits: uploadLimits(limit) });

    scope.post(
      '/api/v1/media',
      {
        config: { access: 'account' },
        bodyLimit: limit + 64 * 1024,
        schema: {
          tags: ['platform'],
          summary:
            'Upload an image or file (raw body or multipart); its type is sniffed from the bytes (a text file, txt, csv or json, is accepted when declared as such and its bytes are UTF-8 text)',
          security: bearer,
          response: { 201: MediaSchema, ...errorResponses(400, 401, 413, 415, 422, 503) },
        },
      },
      async (req, reply) => {
        const { accountId } = requireAccount(req);
        let bytes: Buffer;
        let declared: string;
        if (req.isMultipart()) {
          ({ bytes, declared } = await readUploadedFile(req));
        } else {
          if (!Buffer.isBuffer(req.body)) throw badRequest('missing_body', 'Send the file as the request body.');
          bytes = req.body;
          declared = req.headers['content-type'] ?? '';
        }
        return reply.status(201).send(await ctx.media.upload(accountId, bytes, declared));
      },
    );
  });

  // Metadata (its SHA-256 above all) says as much about a file as its bytes: the same people may see it.
  const mediaAccess = new MediaAccess(ctx.db, ctx.visibility);
  app.get(
    '/api/v1/media/:id',
    {
      schema: {
        tags: ['platform'],
        summary: 'Media metadata (for whoever may fetch the media itself)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: MediaSchema, ...errorResponses(404) },
      },
    },
    async (req) => {
      const m = await ctx.media.get(req.params.id);
      const accountId = req.principal.kind === 'account' ? req.principal.accountId : undefined;
      const reviewer = isStaffWith(req.principal, 'cases.read');
      if (!(await mediaAccess.canView(m, accountId, viewerOf(req), { reviewer }))) throw notFound('Media');
      return mediaView(m);
    },
  );
};
