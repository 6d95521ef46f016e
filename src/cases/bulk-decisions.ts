// Deciding several cases with one outcome, category and statement (the console's bulk action). Each case
// is still decided on its own, in its own transaction, by the same rules as a single decision: its own
// decision, case event, enforcement, answers to its own reporters and owner notice. One case failing
// (already decided, claimed by another moderator, an action its subject does not allow) does not stop
// the others; every case gets its own result. An unexpected error on one case (its transaction rolled back)
// is that case's failure too, logged, so the moderator still learns which cases were decided.
import { AppError, badRequest } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { DecideInput, DecidingActor } from './decisions.service.ts';

/** The most cases one bulk decision takes: a page of the queue, and a bounded request. */
export const BULK_DECISION_LIMIT = 50;

export type BulkDecisionResult =
  | { caseId: string; ok: true; decisionId: string }
  | { caseId: string; ok: false; status: number; code: string; message: string };

/** What deciding many needs of the decisions service: one decision at a time. */
export interface DecidesOne {
  decide(caseId: string, actor: DecidingActor, input: DecideInput, opts: { unclaimedOrMine: boolean; batch: string }): Promise<{ decisionId: string }>;
}

/** Told of an error that is not a refusal (a bug, the database gone), with the case it happened on. */
export type OnUnexpected = (err: unknown, caseId: string) => void;

export async function decideMany(
  decisions: DecidesOne,
  caseIds: string[],
  actor: DecidingActor,
  input: Omit<DecideInput, 'postIds'>,
  onUnexpected: OnUnexpected,
): Promise<{ batch: string; results: BulkDecisionResult[] }> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0 || ids.length > BULK_DECISION_LIMIT) {
    throw badRequest('bulk_size', `Choose between 1 and ${BULK_DECISION_LIMIT} cases.`, [{ field: 'caseIds', message: 'size' }]);
  }
  // Posts to remove differ from case to case: removing posts is a decision taken one case at a time.
  if (input.actions.includes('remove_posts')) {
    throw badRequest('decision_invalid', 'Removing posts names the posts of one case; decide those cases one at a time.', [
      { field: 'actions', message: 'remove_posts' },
    ]);
  }
  const batch = newId('bulk');
  const results: BulkDecisionResult[] = [];
  for (const caseId of ids) {
    try {
      const done = await decisions.decide(caseId, actor, input, { unclaimedOrMine: true, batch });
      results.push({ caseId, ok: true, decisionId: done.decisionId });
    } catch (err) {
      if (err instanceof AppError) {
        results.push({ caseId, ok: false, status: err.status, code: err.code, message: err.message });
      } else {
        onUnexpected(err, caseId);
        results.push({
          caseId,
          ok: false,
          status: 500,
          code: 'internal_error',
          message: 'Something went wrong on our side; this case was left as it was. The error has been logged.',
        });
      }
    }
  }
  return { batch, results };
}
