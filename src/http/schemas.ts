// Shared TypeBox schemas, reused by the routes and so by the OpenAPI document (docs/openapi.json) and the
// typed client generated from it (src/client/, `vigil/client`).
//
// The rule: every route declares a schema for each 2xx answer it sends (`response: { 200: X, ...errorResponses(…) }`;
// an HTML page declares `htmlPage`). Fastify serializes the answer with that schema and drops any field it
// does not declare, so a field missing here never reaches a client. After changing a route's schemas, run
// `npm run api:types` and commit docs/openapi.json and src/client/api-types.ts (a test fails until you do).
import { Type, type TSchema, type TSchemaOptions } from 'typebox';
import { FIELD_PROBLEM_KINDS } from '../shared/errors.ts';
import { ACTION_KINDS, CASE_STATES, OUTCOMES, REPORT_SOURCES } from '../cases/case-values.ts';

/**
 * One of a list of values written once as a const array: a union of literals whose static type is the
 * list's union (TypeBox infers a union's type from a tuple only, so a mapped array needs `Unsafe` to say it).
 */
export const OneOf = <T extends string>(values: readonly T[], options?: TSchemaOptions) =>
  Type.Unsafe<T>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ),
  );

/** One problem with one field of a request (src/shared/errors.ts): `kind` is for programs, `message` for English readers. */
export const FieldProblemSchema = Type.Object(
  {
    field: Type.String({ description: 'The field, as a dotted path into the body (`contact.email`), query or parameters' }),
    kind: OneOf(FIELD_PROBLEM_KINDS, {
      description: 'Stable machine-readable kind of problem (`invalid` when nothing more precise is said): translate this, not `message`',
    }),
    message: Type.String({ description: 'The problem in English' }),
    limit: Type.Optional(Type.Number({ description: 'The bound missed by a too_long, too_short, too_many or too_few value' })),
  },
  { $id: 'FieldProblem' },
);

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code' }),
      message: Type.String({ description: 'Human-readable explanation, in English' }),
      details: Type.Optional(
        Type.Union([Type.Array(Type.Ref('FieldProblem')), Type.Array(Type.Record(Type.String(), Type.Unknown())), Type.Record(Type.String(), Type.Unknown())], {
          description:
            "Field problems (invalid input; a report's subject that is not there), or what else the error carries (a bank import's rejected lines, a 451's notice)",
        }),
      ),
    }),
  },
  { $id: 'Error' },
);

export const errorResponses = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Type.Ref('Error')]));

/** `T | null`. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The answer of a route that sends nothing (204). */
export const NoContent = Type.Null({ description: 'No content' });

/** A 200 answer that is a page of HTML (public pages, the web application), not JSON. */
export const htmlPage = { 200: { description: 'An HTML page', content: { 'text/html': { schema: Type.String() } } } };

/** Free-form JSON recorded as it came (event data, match context). */
export const JsonObject = Type.Record(Type.String(), Type.Unknown());

export const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

/** The cursor of the next page, null on the last one. */
export const NextCursor = Nullable(Type.String());

export const SubjectRefSchema = Type.Object({ kind: Type.String(), id: Type.String() });

export const MediaSchema = Type.Object({
  id: Type.String(),
  sha256: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  width: Type.Optional(Type.Integer()),
  height: Type.Optional(Type.Integer()),
  url: Type.Optional(Type.String({ description: 'Where a connected platform serves it: a link for reviewers, never loaded by Vigil' })),
});

export const NoticeSchema = Type.Object({
  code: Type.String(),
  category: Nullable(Type.String()),
  text: Type.String(),
});

// The lists themselves are written once, in src/cases/case-values.ts.
export const OutcomeSchema = OneOf(OUTCOMES);
export const ActionKindSchema = OneOf(ACTION_KINDS);
export const CaseStateSchema = OneOf(CASE_STATES);
export const ReportSourceSchema = OneOf(REPORT_SOURCES);

/** The answer to a reporter (and, with more, to the reported party): a statement of reasons (src/cases/answer.ts). */
export const AnswerSchema = Type.Object({
  outcome: OutcomeSchema,
  category: Nullable(Type.String()),
  categoryTitle: Nullable(Type.String()),
  actions: Type.Array(ActionKindSchema),
  territorialScope: Nullable(Type.String({ description: 'ISO country code when the action applies in one jurisdiction only' })),
  statement: Type.String({ description: "The statement of reasons: the policy's words for an out-of-scope answer, else the moderator's own, as written" }),
  policyStatement: Type.Optional(
    Type.String({ description: "The policy's sentence for the ground of the decision, in the reader's language: shown above the moderator's statement" }),
  ),
  language: Type.Optional(
    Type.String({
      description: 'The language the policy texts of this answer are in (lang parameter, vigil_lang cookie, Accept-Language; English by default)',
    }),
  ),
  automatedDetection: Type.Boolean(),
  automatedDecision: Type.Boolean(),
  decidedAt: Type.String(),
  appeal: Type.String(),
  appealOutcome: Type.Optional(Type.Literal('reversed', { description: 'The earlier decision was reversed on appeal; this answer replaces its answer' })),
});

export const bearer = [{ bearerAuth: [] }];
