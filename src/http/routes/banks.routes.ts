import { Type } from 'typebox';
import type { RouteModule } from '../types.ts';
import { bearer, errorResponses, OneOf } from '../schemas.ts';
import { requireStaff } from '../access.ts';
import { BANK_CATEGORIES } from '../../detection/bank-values.ts';

const Name = Type.Object({ name: Type.String({ maxLength: 64 }) });

export const banksRoutes: RouteModule = (app, ctx) => {
  const tags = ['banks'];
  app.get(
    '/api/v1/banks',
    {
      config: { access: 'banks.read' },
      schema: { tags, security: bearer, summary: 'Hash banks with entry counts', response: errorResponses(401, 403) },
    },
    async (req) => {
      requireStaff(req, 'banks.read');
      return { banks: await ctx.banks.list(), indexed: ctx.matcher.size };
    },
  );

  app.post(
    '/api/v1/banks',
    {
      config: { access: 'banks.manage' },
      schema: {
        tags,
        security: bearer,
        summary: 'Create a hash bank (admin)',
        body: Type.Object(
          {
            name: Type.String({ maxLength: 64 }),
            category: OneOf(BANK_CATEGORIES),
            description: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: errorResponses(400, 401, 403, 409),
      },
    },
    async (req, reply) => {
      const p = requireStaff(req, 'banks.manage');
      const bank = await ctx.banks.create(req.body);
      await ctx.audit.append({
        actor: `staff:${p.userId}`,
        action: 'bank.created',
        target: `bank:${bank.id}`,
        data: { name: bank.name, category: bank.category },
      });
      return reply.status(201).send(bank);
    },
  );

  app.post(
    '/api/v1/banks/:name/entries',
    {
      config: { access: 'banks.manage' },
      schema: {
        tags,
        security: bearer,
        summary: 'Add hashes to a bank (admin): lines in any supported hash-list format',
        params: Name,
        body: Type.Object(
          { lines: Type.Array(Type.String({ maxLength: 2000 }), { minItems: 1, maxItems: 10000 }), skipInvalid: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (req, reply) => {
      const p = requireStaff(req, 'banks.manage');
      const result = await ctx.banks.import(req.params.name, req.body.lines, { skipInvalid: req.body.skipInvalid });
      await ctx.audit.append({
        actor: `staff:${p.userId}`,
        action: 'bank.imported',
        target: `bank:${req.params.name}`,
        data: { added: result.added, rejected: result.rejected.length },
      });
      return reply.status(result.rejected.length > 0 && !req.body.skipInvalid ? 400 : 200).send(
        result.rejected.length > 0 && !req.body.skipInvalid
          ? {
              error: {
                code: 'invalid_hashes',
                message: `${result.rejected.length} line(s) are not valid hashes; nothing was imported.`,
                details: result.rejected,
              },
            }
          : result,
      );
    },
  );

  app.get(
    '/api/v1/banks/:name/entries',
    {
      config: { access: 'banks.read' },
      schema: {
        tags,
        security: bearer,
        summary: 'Browse a bank’s entries with their match counts',
        params: Name,
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 300 })) }),
        response: errorResponses(400, 401, 403, 404),
      },
    },
    async (req) => {
      requireStaff(req, 'banks.read');
      return ctx.banks.entries(req.params.name, req.query.limit, req.query.cursor);
    },
  );

  app.get(
    '/api/v1/banks/:name/matches',
    {
      config: { access: 'banks.read' },
      schema: {
        tags,
        security: bearer,
        summary: 'Recent uploads that matched this bank',
        params: Name,
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) }),
        response: errorResponses(401, 403, 404),
      },
    },
    async (req) => {
      requireStaff(req, 'banks.read');
      return { matches: await ctx.banks.matches(req.params.name, req.query.limit) };
    },
  );

  app.post(
    '/api/v1/bank-entries/:id/status',
    {
      config: { access: 'banks.manage' },
      schema: {
        tags,
        security: bearer,
        summary: 'Mark an entry benign (a false positive that never matches again) or withdraw it (deleted)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ status: Type.Union([Type.Literal('benign'), Type.Literal('withdrawn')]) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const p = requireStaff(req, 'banks.manage');
      await ctx.banks.setStatus(req.params.id, req.body.status);
      await ctx.audit.append({ actor: `staff:${p.userId}`, action: `bank_entry.${req.body.status}`, target: `bank_entry:${req.params.id}` });
      return reply.status(204).send(null);
    },
  );
};
