// Text rules for staff: the rules in force with their hit counts and a sample of shadow hits
// (moderators), reading the rule files' source (moderators), and reloading or editing them without a
// restart (admins, audited with the diff).
import { Type } from 'typebox';
import { RULE_FIELDS, RULE_STATES } from '../../detection/text/rule-schema.ts';
import { requireStaff } from '../access.ts';
import { actorOf } from '../actor.ts';
import { errorResponses, Nullable, OneOf } from '../schemas.ts';

const FileName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$', description: 'A rule file of the rules folder, e.g. fraud.yaml' });
const Version = Type.String({ pattern: '^[0-9a-f]{64}$', description: "The SHA-256 of the file's text: what an edit was made from" });
const SavedSchema = Type.Object({ name: Type.String(), version: Version, rules: Type.Integer(), loadedAt: Nullable(Type.String()) });
import type { RouteModule } from '../types.ts';
import { staffAuth } from './people.routes.ts';

const RuleSchema = Type.Object({
  id: Type.String(),
  description: Type.String(),
  category: Type.String({ description: 'A policy category id' }),
  state: OneOf(RULE_STATES),
  languages: Type.Array(Type.String()),
  fields: Type.Array(OneOf(RULE_FIELDS)),
  score: Type.Number(),
  file: Nullable(Type.String({ description: 'The rule file it came from' })),
  hits: Type.Object({ live: Type.Integer(), shadow: Type.Integer() }),
  sample: Type.Array(
    Type.Object({
      platform: Type.String(),
      subjectKind: Type.String(),
      subjectId: Type.String(),
      field: Type.String(),
      excerpt: Type.String({ description: 'Normalised text around the match, at most 160 characters; hostile content, escape it' }),
      at: Type.String(),
    }),
    { description: 'The latest shadow hits (at most 5)' },
  ),
});
const RuleListSchema = Type.Object({
  loadedAt: Nullable(Type.String({ description: 'When the rules in force were loaded' })),
  error: Nullable(Type.String({ description: "The last reload's error; the previous rules stay in force" })),
  rules: Type.Array(RuleSchema),
});

export const rulesRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/v1/rules',
    {
      config: { access: 'rules.read' },
      schema: {
        tags: ['detection'],
        summary: 'The text rules in force, with live and shadow hit counts and recent shadow hits',
        security: staffAuth,
        response: { 200: RuleListSchema, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      requireStaff(req, 'rules.read');
      return ctx.rules.list();
    },
  );

  app.post(
    '/api/v1/rules/reload',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags: ['detection'],
        summary: 'Read the rule files again; an invalid file is refused (422) and the rules in force stay',
        security: staffAuth,
        response: { 200: Type.Object({ rules: Type.Integer(), loadedAt: Nullable(Type.String()) }), ...errorResponses(401, 403, 422) },
      },
    },
    async (req) => {
      const admin = requireStaff(req, 'rules.manage');
      return ctx.rules.reload(actorOf(admin));
    },
  );

  app.get(
    '/api/v1/rules/files',
    {
      config: { access: 'rules.read' },
      schema: {
        tags: ['detection'],
        summary: 'The rule files with their versions and the rules each holds',
        security: staffAuth,
        response: {
          200: Type.Object({
            files: Type.Array(Type.Object({ name: Type.String(), version: Version, size: Type.Integer(), rules: Type.Array(Type.String()) })),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => {
      requireStaff(req, 'rules.read');
      return { files: await ctx.rules.files() };
    },
  );

  app.get(
    '/api/v1/rules/files/:name',
    {
      config: { access: 'rules.read' },
      schema: {
        tags: ['detection'],
        summary: "A rule file's text and version",
        security: staffAuth,
        params: Type.Object({ name: FileName }),
        response: { 200: Type.Object({ name: Type.String(), text: Type.String(), version: Version }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      requireStaff(req, 'rules.read');
      return ctx.rules.file(req.params.name);
    },
  );

  app.put(
    '/api/v1/rules/files/:name',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags: ['detection'],
        summary:
          'Save a new text of a rule file: refused with 409 when the file changed since `version`, and with 400 naming the place when it fails the rule schema (nothing is written); audited with the diff, then the rules are reloaded',
        security: staffAuth,
        params: Type.Object({ name: FileName }),
        body: Type.Object({ text: Type.String({ maxLength: 1024 * 1024 }), version: Version }, { additionalProperties: false }),
        response: { 200: SavedSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const admin = requireStaff(req, 'rules.manage');
      return ctx.rules.saveFile(actorOf(admin), req.params.name, req.body.text, req.body.version);
    },
  );

  app.put(
    '/api/v1/rules/:id/state',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags: ['detection'],
        summary: "Set a rule's state (draft, shadow or live) in its file; audited with the diff, then the rules are reloaded",
        security: staffAuth,
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object({ state: OneOf(RULE_STATES) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ id: Type.String(), state: OneOf(RULE_STATES), file: Type.String(), version: Version, loadedAt: Nullable(Type.String()) }),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => {
      const admin = requireStaff(req, 'rules.manage');
      return ctx.rules.setState(actorOf(admin), req.params.id, req.body.state);
    },
  );
};
