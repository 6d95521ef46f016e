// What the review routes answer: the queue's case summaries, a case with everything a reviewer reads, a
// decision's result, and the policy. Shapes made by src/cases/review.service.ts and decisions.service.ts.
import { Type } from 'typebox';
import {
  ActionKindSchema,
  AnswerSchema,
  CaseStateSchema,
  JsonObject,
  MediaSchema,
  NextCursor,
  Nullable,
  OneOf,
  OutcomeSchema,
  ReportSourceSchema,
  SubjectRefSchema,
} from '../schemas.ts';
import { LINK_RELATIONS, MIRROR_EVIDENCE } from '../../detection/text/mirror-values.ts';

export const CaseSummarySchema = Type.Object({
  id: Type.String(),
  state: CaseStateSchema,
  platform: Type.String({ description: "'reference' for the bundled platform, else the connected platform's name" }),
  subject: SubjectRefSchema,
  subjectLabel: Type.Optional(Nullable(Type.String({ description: 'A readable name of the subject (title or handle)' }))),
  language: Nullable(Type.String({ description: "The subject's detected language (BCP 47, e.g. ar, ckb, fa), else its first report's; null when unknown" })),
  category: Type.String(),
  priority: Type.Number(),
  slaDueAt: Type.String(),
  lane: Type.Union([Type.Literal('normal'), Type.Literal('triage')], {
    description: 'triage: a severe claim no credible reporter backs; it has the short triage clock but keeps its low priority',
  }),
  triageDueAt: Nullable(Type.String()),
  coordination: Type.Object(
    {
      freshReporters: Type.Integer({
        description: 'Reporters whose account was created, or address first seen, at most an hour before the case opened, or since',
      }),
      sameTextReports: Type.Integer({ description: 'The most reports sharing one explanation text' }),
    },
    { description: 'Signs of coordinated reporting; they never block a subject or raise priority' },
  ),
  overdue: Type.Boolean(),
  secondsToDue: Type.Integer(),
  reportCount: Type.Integer(),
  reporterCount: Type.Integer(),
  sources: Type.Array(ReportSourceSchema),
  categories: Type.Array(Type.String()),
  reach: Type.Integer(),
  lifeAtRisk: Type.Boolean(),
  assigneeId: Nullable(Type.String()),
  outcome: Nullable(OutcomeSchema),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});

export const CaseListSchema = Type.Object({ cases: Type.Array(CaseSummarySchema), nextCursor: NextCursor });

export const CaseCountsSchema = Type.Object({
  counts: Type.Array(Type.Object({ state: CaseStateSchema, count: Type.Integer(), overdue: Type.Integer({ description: 'Past their review deadline' }) })),
});

const ReportSplitSchema = Type.Object({
  byCategory: Type.Array(
    Type.Object({
      category: Type.String(),
      reports: Type.Integer({ description: 'Reports in this category' }),
      reporters: Type.Integer({ description: 'Distinct reporters in this category' }),
      weight: Type.Number({
        description:
          "The category's credibility-weighted sum as the case keeps it (source × track record, a tenth while unproven, unproven reporters capped together)",
      }),
    }),
    { description: 'Heaviest first; equal weights in policy order (more severe first)' },
  ),
  bySource: Type.Array(Type.Object({ source: ReportSourceSchema, reports: Type.Integer() })),
  suggestedCategory: Nullable(Type.String({ description: 'The credibility-weighted majority of the reports; null without reports' })),
  tie: Type.Boolean({ description: 'The suggested category won a tie on weight by being more severe' }),
});

const PostNowSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  link: Type.String(),
  text: Type.String(),
  createdAt: Type.String(),
  reported: Type.Boolean(),
  media: Type.Array(MediaSchema),
  deletedAt: Type.Optional(Type.String({ description: 'Set when a connected platform deleted the post after it was reported' })),
});

/** The subject as it is now (SubjectSnapshot in src/subjects/platform-port.ts); null for private subjects, whose content is never read. */
const SubjectNowSchema = Type.Union([
  Type.Object({
    kind: Type.Literal('channel'),
    id: Type.String(),
    link: Type.String(),
    handle: Type.String(),
    title: Type.String(),
    description: Type.String(),
    subscribers: Type.Integer(),
    createdAt: Type.String(),
    recentPosts: Type.Array(PostNowSchema),
    reportedPosts: Type.Array(PostNowSchema),
    deletedAt: Type.Optional(Type.String({ description: 'Set when a connected platform deleted it' })),
  }),
  Type.Object({
    kind: Type.Literal('bot'),
    id: Type.String(),
    link: Type.String(),
    handle: Type.String(),
    description: Type.String(),
    picture: Nullable(MediaSchema),
    createdAt: Type.String(),
    recentMessages: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), createdAt: Type.String() })),
    deletedAt: Type.Optional(Type.String({ description: 'Set when a connected platform deleted it' })),
  }),
  Type.Object({
    kind: Type.Literal('sticker_set'),
    id: Type.String(),
    link: Type.String(),
    name: Type.String(),
    title: Type.String(),
    stickers: Type.Array(MediaSchema),
    createdAt: Type.String(),
    deletedAt: Type.Optional(Type.String({ description: 'Set when a connected platform deleted it' })),
  }),
]);

const CaseReportSchema = Type.Object({
  id: Type.String(),
  source: ReportSourceSchema,
  category: Type.String(),
  claimed: Type.String({ description: 'The category or in-app reason as the reporter sent it' }),
  explanation: Nullable(Type.String()),
  explanationLanguage: Nullable(Type.String({ description: "The explanation's detected language; null when too short to tell" })),
  evidence: Nullable(Type.String()),
  postIds: Type.Array(Type.String()),
  lifeAtRisk: Type.Boolean(),
  jurisdiction: Nullable(Type.String()),
  legalBasis: Nullable(Type.String()),
  orderReference: Nullable(Type.String()),
  status: Type.String(),
  createdAt: Type.String(),
  reporter: Type.Optional(
    Type.Object(
      { label: Nullable(Type.String()), name: Nullable(Type.String()), email: Nullable(Type.String()) },
      { description: 'Who reported: only for staff who may see reporters' },
    ),
  ),
});

const CaseEventSchema = Type.Object({
  seq: Type.Integer(),
  kind: Type.String(),
  actor: Type.String(),
  reason: Nullable(Type.String()),
  at: Type.String(),
  data: JsonObject,
});

const DecisionSchema = Type.Object({
  id: Type.String(),
  outcome: OutcomeSchema,
  category: Nullable(Type.String()),
  actions: Type.Array(ActionKindSchema),
  statement: Type.String(),
  postIds: Type.Array(Type.String()),
  jurisdiction: Nullable(Type.String()),
  decidedBy: Type.String(),
  createdAt: Type.String(),
  reversedAt: Nullable(Type.String()),
});

const RelatedCaseSchema = Type.Object({
  id: Type.String(),
  subject: SubjectRefSchema,
  subjectLabel: Nullable(Type.String()),
  state: CaseStateSchema,
  category: Type.String(),
  outcome: Nullable(OutcomeSchema),
  createdAt: Type.String(),
});

const LinkedSubjectSchema = Type.Object({
  caseId: Type.String(),
  state: CaseStateSchema,
  platform: Type.String(),
  subject: Type.Object({ kind: Type.String(), id: Type.String() }),
  subjectLabel: Nullable(Type.String({ description: 'A readable name of the subject (title or handle)' })),
  role: Type.Union([Type.Literal('original'), Type.Literal('mirror')], {
    description: "original: the decided case this case's subject copies; mirror: another subject copying this case's subject or the same original",
  }),
  relation: OneOf(LINK_RELATIONS),
  evidence: Type.Array(OneOf(MIRROR_EVIDENCE), { description: 'What links them: shared owner, removed media, near-duplicate text, the same external links' }),
});

export const CaseDetailSchema = Type.Object({
  ...CaseSummarySchema.properties,
  subjectNow: Nullable(SubjectNowSchema),
  reportSplit: ReportSplitSchema,
  reports: Type.Array(CaseReportSchema, { description: 'The latest 100 reports, in the order they came; reportCount says how many there are' }),
  signals: Type.Array(Type.Object({ at: Type.String() }, { additionalProperties: true, description: 'What detection found, as it recorded it' }), {
    description: 'The latest 50 signals, in order',
  }),
  events: Type.Array(CaseEventSchema, { description: 'The latest 200 events of the case log, in order; eventCount says how many there are' }),
  eventCount: Type.Integer({ description: 'Events in the case log' }),
  decision: Nullable(DecisionSchema),
  relatedCases: Type.Array(RelatedCaseSchema, { description: "Other cases about the same owner's subjects" }),
  linkedSubjects: Type.Array(LinkedSubjectSchema, { description: 'Subjects linked by near-duplicate and mirror signals, with the evidence' }),
});

export const DecidedSchema = Type.Object({
  caseId: Type.String(),
  decisionId: Type.String(),
  answer: AnswerSchema,
  linked: Type.Optional(
    Type.Array(Type.Object({ caseId: Type.String(), decisionId: Type.String() }), {
      description: 'With alsoLinked: the linked cases decided alike, each its own decision',
    }),
  ),
});
export const OwnerHistorySchema = Type.Object({
  ownerKnown: Type.Boolean({ description: 'False when the subject has no known owner (nothing else is listed)' }),
  decisions: Type.Array(
    Type.Object({
      caseId: Type.String(),
      decisionId: Type.String(),
      subject: SubjectRefSchema,
      subjectLabel: Nullable(Type.String()),
      outcome: OutcomeSchema,
      category: Nullable(Type.String()),
      actions: Type.Array(ActionKindSchema),
      createdAt: Type.String(),
      reversedAt: Nullable(Type.String()),
      thisCase: Type.Boolean(),
    }),
  ),
  strikes: Type.Integer({ description: 'Of the decisions listed, those that took action and were not reversed' }),
  subjects: Type.Array(
    Type.Object({
      kind: Type.Enum(['channel', 'bot', 'sticker_set']),
      id: Type.String(),
      label: Type.String(),
      link: Nullable(Type.String()),
      createdAt: Type.String(),
    }),
    { description: "The owner's other public subjects, newest first" },
  ),
  limit: Type.Integer({ description: 'Each list holds at most this many, the most recent' }),
});
export const BulkDecidedSchema = Type.Object({
  batch: Type.String({ description: 'Names this bulk decision in the audit log' }),
  results: Type.Array(
    Type.Union([
      Type.Object({ caseId: Type.String(), ok: Type.Literal(true), decisionId: Type.String() }),
      Type.Object({
        caseId: Type.String(),
        ok: Type.Literal(false),
        status: Type.Integer({ description: 'What a single decision would have answered' }),
        code: Type.String(),
        message: Type.String(),
      }),
    ]),
  ),
});
export const ReversedSchema = Type.Object({ caseId: Type.String(), state: Type.Literal('reversed') });

/** policy/policy.json as served (src/policy/policy.ts). */
export const PolicySchema = Type.Object({
  version: Type.String(),
  categories: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      severity: Type.Integer(),
      reviewWithin: Type.String({ description: 'A duration: 1h, 24h, 7d' }),
      reviewWithinIfLifeAtRisk: Type.Optional(Type.String()),
      dsa: Type.Object({ category: Type.String(), keyword: Type.String(), illegal: Type.Boolean() }),
      because: Type.String(),
      statement: Type.String(),
    }),
  ),
  inAppReasons: Type.Record(Type.String(), Type.String(), { description: 'In-app reason → policy category' }),
  protectedExpression: Type.Object({ title: Type.String(), rule: Type.String(), statement: Type.String() }),
  scope: Type.Object({
    inScope: Type.Array(Type.String()),
    outOfScope: Type.Array(Type.String()),
    privateGroupMemberLimit: Type.Integer(),
    outOfScopeStatement: Type.String(),
    accountStatement: Type.String(),
  }),
  appeal: Type.String(),
  cooldownDays: Type.Number(),
  appealWindowMonths: Type.Integer(),
  appealReviewDays: Type.Integer(),
});
