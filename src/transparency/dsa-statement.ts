// A decision as a statement of reasons in the EU DSA Transparency Database's format (pure, no I/O).
// The mapping is the policy's (policy/policy.json `dsa`, docs/POLICY.md); the format is the JSON Schema
// beside this file. Statements carry no personal data: every field is an enum key, a date, a country
// code, the decision's id or text written by the policy — never a moderator's free text, a report's
// explanation, a subject's id or link, or a name. docs/POLICY.md (DSA statements of reasons) says why.
import { Compile } from 'typebox/compile';
import { category, DSA_MAPPING } from '../policy/policy.ts';
import type { ActionKind, Outcome, ReportSource } from '../cases/case-values.ts';
import type { CaseSubjectKind } from '../subjects/kinds.ts';
import schema from './dsa-statement.schema.json' with { type: 'json' };

/** What the export reads of a decision and its case. */
export interface DecisionForExport {
  id: string;
  outcome: Outcome;
  category: string | null;
  actions: ActionKind[];
  postIds: string[];
  jurisdiction: string | null;
  automated: boolean;
  createdAt: string;
  reversedAt: string | null;
  caseCreatedAt: string;
  subjectKind: CaseSubjectKind;
  platform: string;
  /** The distinct sources of the case's reports. */
  sources: ReportSource[];
  /** The subject's detected language (src/shared/language.ts), if known. */
  language?: string | null;
}

/** One statement of reasons, as POST /api/v1/statements takes it (the fields Vigil fills). */
export interface DsaStatement {
  decision_visibility: string[];
  decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' | 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  illegal_content_legal_ground?: string;
  illegal_content_explanation?: string;
  incompatible_content_ground?: string;
  incompatible_content_explanation?: string;
  incompatible_content_illegal?: 'Yes' | 'No';
  content_type: string[];
  category: string;
  category_specification: string[];
  category_specification_other?: string;
  source_type: string;
  automated_detection: 'Yes' | 'No';
  automated_decision: string;
  territorial_scope: string[];
  content_date: string;
  /** ISO 639-1, upper case: the database's form. */
  content_language?: string;
  application_date: string;
  end_date_visibility_restriction?: string;
  decision_facts: string;
  puid: string;
}

/** Why a decision in the period has no statement. */
export const SKIP_REASONS = ['no_restriction', 'outside_eea'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** The EU member states, Iceland, Liechtenstein and Norway: the territorial scopes the database takes. */
export const EEA_COUNTRIES: readonly string[] = schema.properties.territorial_scope.items.enum;

/** At most this many statements per request (and per exported batch). */
export const BATCH_SIZE = 100;

const day = (iso: string) => iso.slice(0, 10);
const fill = (template: string, title: string) => template.replaceAll('{title}', title);

/** A decision's statement, or why it has none (nothing restricted, or only outside the EEA). */
export function statementOf(d: DecisionForExport): { statement: DsaStatement } | { skipped: SkipReason } {
  const restricting = d.outcome === 'actioned' ? d.actions.filter((a) => Object.hasOwn(DSA_MAPPING.actions, a)) : [];
  if (restricting.length === 0 || d.category === null) return { skipped: 'no_restriction' };
  const everywhere = restricting.some((a) => a !== 'restrict_in_jurisdiction');
  let territorialScope: string[];
  if (everywhere) territorialScope = [...EEA_COUNTRIES];
  else if (d.jurisdiction && EEA_COUNTRIES.includes(d.jurisdiction)) territorialScope = [d.jurisdiction];
  else return { skipped: 'outside_eea' };

  const c = category(d.category);
  const present = new Set<string>(d.sources);
  const source = DSA_MAPPING.sources.find((s) => present.has(s.source))?.dsa ?? 'SOURCE_VOLUNTARY';
  const contentType = DSA_MAPPING.contentTypes[d.subjectKind];
  if (!contentType) throw new Error(`the policy maps no DSA content type for a ${d.subjectKind}`);

  const facts = [c.statement, factsOfActions(d, restricting), basis(source)];
  if (d.reversedAt) facts.push(`The decision was reversed on ${day(d.reversedAt)}.`);
  const explanation = c.statement;
  const statement: DsaStatement = {
    decision_visibility: [...new Set(restricting.map((a) => DSA_MAPPING.actions[a]))],
    ...(c.dsa.illegal
      ? {
          decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT' as const,
          illegal_content_legal_ground: fill(DSA_MAPPING.legalGround, c.title),
          illegal_content_explanation: explanation,
        }
      : {
          decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT' as const,
          incompatible_content_ground: fill(DSA_MAPPING.incompatibleGround, c.title),
          incompatible_content_explanation: explanation,
          incompatible_content_illegal: 'No' as const,
        }),
    content_type: [...contentType],
    category: c.dsa.category,
    category_specification: [c.dsa.keyword],
    ...(c.dsa.keyword === 'KEYWORD_OTHER' ? { category_specification_other: c.title } : {}),
    source_type: source,
    automated_detection: d.sources.includes('automated') ? 'Yes' : 'No',
    automated_decision: d.automated ? 'AUTOMATED_DECISION_FULLY' : 'AUTOMATED_DECISION_NOT_AUTOMATED',
    territorial_scope: territorialScope,
    // The content existed when it was first reported: the case's opening is the latest date it can have.
    content_date: day(d.caseCreatedAt),
    ...(contentLanguage(d.language) ? { content_language: contentLanguage(d.language) } : {}),
    application_date: day(d.createdAt),
    ...(d.reversedAt ? { end_date_visibility_restriction: day(d.reversedAt) } : {}),
    decision_facts: facts.join(' '),
    puid: d.id,
  };
  return { statement };
}

/** A detected language as ISO 639-1 in upper case; Central Kurdish and Kurmanji are Kurdish (KU) there. */
export function contentLanguage(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  const base = tag.split('-')[0].toLowerCase();
  const iso1 = base === 'ckb' || base === 'kmr' ? 'ku' : base;
  return /^[a-z]{2}$/.test(iso1) ? iso1.toUpperCase() : undefined;
}

function factsOfActions(d: DecisionForExport, actions: ActionKind[]): string {
  const kind = d.subjectKind.replace('_', ' ');
  const parts: string[] = [];
  if (actions.includes('block')) parts.push(`the ${kind} was blocked`);
  if (actions.includes('remove_posts')) parts.push(`${d.postIds.length} post${d.postIds.length === 1 ? ' was' : 's were'} removed`);
  if (actions.includes('restrict_in_jurisdiction')) parts.push(`the ${kind} was withheld in ${d.jurisdiction} on an order of its authorities`);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function basis(source: string): string {
  if (source === 'SOURCE_VOLUNTARY') return 'Found on our own initiative.';
  if (source === 'SOURCE_TRUSTED_FLAGGER') return 'Decided on a notice from a trusted flagger.';
  if (source === 'SOURCE_ARTICLE_16') return 'Decided on a notice from a user.';
  return 'Decided on a notice from an authority or a partner platform.';
}

const check = Compile(schema);

/** The first faults of a statement against the schema (empty: valid). */
export function statementFaults(statement: unknown): string[] {
  if (check.Check(statement)) return [];
  return [...check.Errors(statement)]
    .filter((e) => e.keyword !== 'boolean')
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'if' ? ` (schema ${e.schemaPath})` : ''}`);
}
