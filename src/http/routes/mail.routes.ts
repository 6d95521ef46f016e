// The abuse mailbox for admins: the outbox of answers and decision mails (what was, or will be, sent to
// people who reported by mail). Mail itself arrives over SMTP (VIGIL_SMTP_PORT) or `vigil mail ingest`.
import { Type } from 'typebox';
import { requireStaff } from '../access.ts';
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
