import { Type } from 'typebox';
import type { RouteModule } from '../types.ts';
import { bearer, errorResponses, NextCursor, Nullable } from '../schemas.ts';
import { requireStaff } from '../access.ts';
import { badRequest } from '../../shared/errors.ts';
import { BANK_CATEGORIES } from '../../detection/banks.service.ts';

const Name = Type.Object({ name: Type.String({ maxLength: 64 }) });
const BankSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  category: Type.String({ description: BANK_CATEGORIES.join(', ') }),
  description: Type.String(),
  created_at: Type.String(),
});
const BankListSchema = Type.Object({
  banks: Type.Array(
    Type.Object({
      ...BankSchema.properties,
      active: Type.Integer({ description: 'Entries that match' }),
      total: Type.Integer({ description: 'Entries of every status' }),
    }),
  ),
  indexed: Type.Integer({ description: 'Hashes in this process’s matcher' }),
});
const ImportResultSchema = Type.Object({
  added: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String() }), { description: 'Lines that are not hashes (skipped)' }),
});
const EntryStatusSchema = Type.Enum(['active', 'benign', 'withdrawn']);
const EntryPageSchema = Type.Object({
  bank: BankSchema,
  entries: Type.Array(
    Type.Object({
      id: Type.String(),
      signalType: Type.String(),
      hash: Type.String(),
      status: EntryStatusSchema,
      origin: Type.String({ description: 'import, victim or decision' }),
      label: Nullable(Type.String()),
      createdAt: Type.String(),
      matches: Type.Integer(),
      lastMatchAt: Nullable(Type.String()),
    }),
  ),
  nextCursor: NextCursor,
});
const MatchSchema = Type.Object({
  id: Type.String(),
  mediaId: Type.String(),
  entryId: Type.String(),
  signalType: Type.String(),
  distance: Type.Integer(),
  context: Type.Object(
    {
      surface: Type.Optional(Type.String()),
      subject: Type.Optional(Type.Object({ kind: Type.String(), id: Type.String() })),
      postId: Type.Optional(Nullable(Type.String())),
    },
    { additionalProperties: true, description: 'Where the upload was used' },
  ),
  verdict: Type.String(),
  caseId: Nullable(Type.String()),
  at: Type.String(),
});

export const banksRoutes: RouteModule = (app, ctx) => {
  const tags = ['banks'];
  app.get(
    '/api/v1/banks',
    {
      config: { access: 'banks.read' },
      schema: { tags, security: bearer, summary: 'Hash banks with entry counts', response: { 200: BankListSchema, ...errorResponses(401, 403) } },
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
            category: Type.Union(BANK_CATEGORIES.map((c) => Type.Literal(c))),
            description: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: BankSchema, ...errorResponses(400, 401, 403, 409) },
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
        response: { 200: ImportResultSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const p = requireStaff(req, 'banks.manage');
      const result = await ctx.banks.import(req.params.name, req.body.lines, { skipInvalid: req.body.skipInvalid });
      await ctx.audit.append({
        actor: `staff:${p.userId}`,
        action: 'bank.imported',
        target: `bank:${req.params.name}`,
        data: { added: result.added, rejected: result.rejected.length },
      });
      if (result.rejected.length > 0 && !req.body.skipInvalid)
        throw badRequest('invalid_hashes', `${result.rejected.length} line(s) are not valid hashes; nothing was imported.`, result.rejected);
      return result;
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
        response: { 200: EntryPageSchema, ...errorResponses(400, 401, 403, 404) },
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
        response: { 200: Type.Object({ matches: Type.Array(MatchSchema) }), ...errorResponses(401, 403, 404) },
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
