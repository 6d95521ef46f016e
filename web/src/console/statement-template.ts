// Statement-of-reasons templates: the policy's per-category text for actions, the policy's own texts
// for protected expression and out-of-scope reports. The moderator edits them before deciding.
import type { Outcome, Policy } from '../shared/types.ts';

const NO_VIOLATION = 'We reviewed the reported content against our publishing policy and found that it does not break it. No action was taken.';

export function statementTemplate(policy: Policy | undefined, outcome: Outcome, categoryId: string): string {
  if (!policy) return '';
  switch (outcome) {
    case 'actioned':
      return policy.categories.find((c) => c.id === categoryId)?.statement ?? '';
    case 'protected_expression':
      return policy.protectedExpression.statement;
    case 'out_of_scope':
      return policy.scope.outOfScopeStatement;
    case 'no_violation':
      return NO_VIOLATION;
  }
}
