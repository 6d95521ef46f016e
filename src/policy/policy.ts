// The publishing policy as data (policy/policy.json) and pure functions over it. No I/O.
// docs/POLICY.md states the same policy in words; a test keeps the two in agreement.
import data from '../../policy/policy.json' with { type: 'json' };

export interface Category {
  id: string;
  title: string;
  severity: number;
  reviewWithin: string;
  reviewWithinIfLifeAtRisk?: string;
  dsa: { category: string; keyword: string; illegal: boolean };
  because: string;
  statement: string;
}

/**
 * How decisions become DSA statements of reasons (`vigil export dsa`): the restriction each action is
 * (`decision_visibility`), the source type of a case's reports (the first listed source present wins),
 * the content types of each kind of subject, and the grounds' wording (`{title}`: the category's title).
 */
export interface DsaMapping {
  actions: Readonly<Record<string, string>>;
  sources: ReadonlyArray<{ source: string; dsa: string }>;
  contentTypes: Readonly<Record<string, readonly string[]>>;
  legalGround: string;
  incompatibleGround: string;
}

export const CATEGORIES: readonly Category[] = data.categories;
export const DSA_MAPPING: DsaMapping = data.dsa;
export const CATEGORY_IDS: readonly string[] = CATEGORIES.map((c) => c.id);
export const IN_APP_REASONS: Readonly<Record<string, string>> = data.inAppReasons;
export const PROTECTED_EXPRESSION = data.protectedExpression;
export const SCOPE = data.scope;
export const APPEAL_TEXT: string = data.appeal;
export const COOLDOWN_MS = data.cooldownDays * 24 * 3600 * 1000;
/** How long after a decision it may be appealed, in calendar months. */
export const APPEAL_WINDOW_MONTHS: number = data.appealWindowMonths;
/** The review deadline of an appeal, in days after it is filed. */
export const APPEAL_REVIEW_DAYS: number = data.appealReviewDays;

/** Reporters who keep sending manifestly unfounded reports (DSA Art. 23): the texts they receive and the default set-aside period. */
export const REPORTER_MISUSE: { setAsideDays: number; warningStatement: string; setAsideStatement: string } = data.reporterMisuse;

/** The last moment a decision taken at `decidedAt` (ISO) may be appealed. */
export function appealDeadline(decidedAt: string): Date {
  const d = new Date(decidedAt);
  d.setUTCMonth(d.getUTCMonth() + APPEAL_WINDOW_MONTHS);
  return d;
}

const byId = new Map(CATEGORIES.map((c) => [c.id, c]));

export function category(id: string): Category {
  const c = byId.get(id);
  if (!c) throw new Error(`unknown policy category "${id}"`);
  return c;
}

export const isCategory = (id: string): boolean => byId.has(id);

/** A reporter may name a policy category or an in-app reason; both resolve to a policy category. */
export function resolveCategory(claim: string): string | undefined {
  if (byId.has(claim)) return claim;
  return Object.hasOwn(IN_APP_REASONS, claim) ? IN_APP_REASONS[claim] : undefined;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(s: string): number {
  const m = /^(\d+)([mhd])$/.exec(s);
  if (!m) throw new Error(`bad duration "${s}"`);
  return Number(m[1]) * UNIT_MS[m[2]];
}

/** How long review of a report in this category may take. */
export function reviewDeadlineMs(categoryId: string, lifeAtRisk: boolean): number {
  const c = category(categoryId);
  return parseDuration(lifeAtRisk && c.reviewWithinIfLifeAtRisk ? c.reviewWithinIfLifeAtRisk : c.reviewWithin);
}

export const isInScope = (kind: string): boolean => SCOPE.inScope.includes(kind);

// The notice sentences are policy texts in every language: src/policy/policy-text.ts (policy/i18n/).
export { blockNotice, removalNotice, restrictionNotice } from './policy-text.ts';
