// Text rules for staff: the rules in force with their hit counts and a sample of shadow hits
// (moderators), and reloading the rule files without a restart (admins, audited).
import { Type } from 'typebox';
import { RULE_FIELDS, RULE_STATES } from '../../detection/text/rule-schema.ts';
import { requireStaff } from '../access.ts';
import { actorOf } from '../actor.ts';
import { errorResponses, Nullable, OneOf } from '../schemas.ts';
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
};
