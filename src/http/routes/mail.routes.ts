// The abuse mailbox for admins: the outbox of answers and decision mails (what was, or will be, sent to
// people who reported by mail). Mail itself arrives over SMTP (VIGIL_SMTP_PORT) or `vigil mail ingest`.
import { Type } from 'typebox';
import { requireStaff } from '../access.ts';
import { notFound } from '../../shared/errors.ts';
import { OUTBOX_KINDS } from '../../db/schema-mail.ts';
import { errorResponses, Nullable, OneOf, PageQuery } from '../schemas.ts';
import type { RouteModule } from '../types.ts';
import { staffAuth } from './people.routes.ts';

const OutboxMailSchema = Type.Object({
  id: Type.String(),
  to: Type.String(),
  kind: OneOf(OUTBOX_KINDS, { description: 'receipt: the answer to a mail; no_subject: what a mail naming nothing we host needs; decision: a decision told' }),
  language: Type.String(),
  subject: Type.String(),
  body: Type.String({ description: 'Plain text' }),
  inReplyTo: Nullable(Type.String()),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String({ description: 'Null until the relay took it (always null without VIGIL_SMTP_RELAY)' })),
});

export const mailRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/v1/mail/attachments/:id',
    {
      config: { access: 'mail.attachments' },
      schema: {
        tags: ['cases'],
        summary: "An abuse mail's attachment, kept as evidence (a download; never shown inline)",
        security: staffAuth,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: {
          200: {
            description: 'The attachment as it arrived',
            content: { 'application/octet-stream': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } },
          },
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      requireStaff(req, 'mail.attachments');
      const a = await ctx.mailbox.attachment(req.params.id);
      if (!a) throw notFound('Attachment');
      // Whatever it claims to be, it is served as opaque bytes to save, in a sandbox, never rendered or run.
      const name = encodeURIComponent(a.filename.replace(/[\r\n"]/gu, '_'));
      reply
        .header('content-security-policy', "default-src 'none'; sandbox; frame-ancestors 'none'")
        .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${name}`)
        .header('cache-control', 'private, no-store')
        .header('x-attachment-sha256', a.sha256);
      return reply.type('application/octet-stream').send(a.bytes);
    },
  );

  app.get(
    '/api/v1/mail/outbox',
    {
      config: { access: 'admin.mail' },
      schema: {
        tags: ['admin'],
        summary: 'The abuse mailbox outbox, newest first',
        security: staffAuth,
        querystring: PageQuery,
        response: { 200: Type.Object({ mails: Type.Array(OutboxMailSchema), nextCursor: Nullable(Type.String()) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      requireStaff(req, 'admin.mail');
      return ctx.mailbox.outbox(req.query.limit, req.query.cursor);
    },
  );
};
