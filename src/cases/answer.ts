// What a reporter (and the reported party) is told: the outcome with a statement of reasons.
import { APPEAL_TEXT, category, isCategory, PROTECTED_EXPRESSION, SCOPE } from '../policy/policy.ts';
import * as policyText from '../policy/policy-text.ts';
import type { Language } from '../shared/i18n/languages.ts';
import type { ActionKind, Outcome } from './case-values.ts';

export interface Answer {
  outcome: Outcome;
  category: string | null;
  categoryTitle: string | null;
  actions: ActionKind[];
  /** ISO country code when the action applies in one jurisdiction only. */
  territorialScope: string | null;
  statement: string;
  automatedDetection: boolean;
  automatedDecision: boolean;
  decidedAt: string;
  appeal: string;
  /** Set when the answer replaces an earlier one because the decision was reversed on appeal. */
  appealOutcome?: 'reversed';
}

export function buildAnswer(d: {
  outcome: Outcome;
  category: string | null;
  actions: ActionKind[];
  statement: string;
  jurisdiction: string | null;
  automatedDetection: boolean;
  decidedAt: string;
}): Answer {
  return {
    outcome: d.outcome,
    category: d.category,
    categoryTitle: d.category ? category(d.category).title : d.outcome === 'protected_expression' ? PROTECTED_EXPRESSION.title : null,
    actions: d.actions,
    territorialScope: d.jurisdiction,
    statement: d.statement,
    automatedDetection: d.automatedDetection,
    automatedDecision: false,
    decidedAt: d.decidedAt,
    appeal: APPEAL_TEXT,
  };
}

/** The answer to a report about something the policy does not process: a private conversation or an account. */
export function outOfScopeAnswer(at: string, kind: string): Answer {
  return {
    outcome: 'out_of_scope',
    category: null,
    categoryTitle: null,
    actions: [],
    territorialScope: null,
    statement: kind === 'account' ? SCOPE.accountStatement : SCOPE.outOfScopeStatement,
    automatedDetection: false,
    automatedDecision: true,
    decidedAt: at,
    appeal: APPEAL_TEXT,
  };
}

/**
 * A stored answer (written in English when it was decided) for a reader in `lang`: the policy's texts in
 * that language (ground, appeal instructions, the out-of-scope answer), and for a decision the policy's
 * sentence for its ground as `policyStatement`, above the moderator's own statement, which goes out as
 * written. English answers read as stored, with the policy's sentence added.
 */
export function localAnswer(a: Answer, lang: Language): Answer & { policyStatement?: string; language: Language } {
  const isAccount = a.outcome === 'out_of_scope' && a.statement === SCOPE.accountStatement;
  const categoryTitle =
    a.category && isCategory(a.category)
      ? policyText.categoryTitle(a.category, lang)
      : a.outcome === 'protected_expression'
        ? policyText.protectedExpressionText(lang).title
        : a.categoryTitle;
  const policyStatement =
    a.outcome === 'protected_expression'
      ? policyText.protectedExpressionText(lang).statement
      : a.outcome === 'actioned' && a.category && isCategory(a.category)
        ? policyText.categoryStatement(a.category, lang)
        : undefined;
  return {
    ...a,
    categoryTitle,
    statement:
      a.outcome === 'out_of_scope' && (isAccount || a.statement === SCOPE.outOfScopeStatement)
        ? policyText.outOfScopeStatement(isAccount ? 'account' : 'other', lang)
        : a.statement,
    ...(policyStatement !== undefined && policyStatement !== a.statement ? { policyStatement } : {}),
    appeal: a.appeal === APPEAL_TEXT ? policyText.appealText(lang) : a.appeal,
    language: lang,
  };
}
