// What a reporter (and the reported party) is told: the outcome with a statement of reasons.
import { APPEAL_TEXT, category, PROTECTED_EXPRESSION, SCOPE } from '../policy/policy.ts';
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
