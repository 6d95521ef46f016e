// Every change of a case is an appended event (actor, time, reason); the case row is the status derived
// from them for fast reads. Writers call `appendEvent` inside the transaction that changes the row.
import type { Db } from '../db/database.ts';
import type { CaseEventsTable } from '../db/schema-moderation.ts';
import { newTimeOrderedId } from '../shared/ids.ts';
import { CasesRepository } from './cases.repository.ts';
import type { CaseEventKind } from './case-values.ts';

type NewEvent = { kind: CaseEventKind; actor: string; reason?: string | null; data?: unknown; at: string };

/** The event row for a sequence number the caller already holds (under the case row's lock). */
export function eventRow(caseId: string, seq: number, e: NewEvent): CaseEventsTable {
  return {
    id: newTimeOrderedId('evt'),
    case_id: caseId,
    seq,
    kind: e.kind,
    actor: e.actor,
    reason: e.reason ?? null,
    data: JSON.stringify(e.data ?? {}),
    created_at: e.at,
  };
}

export async function appendEvent(db: Db, caseId: string, e: NewEvent): Promise<number> {
  const repo = new CasesRepository(db);
  const seq = await repo.nextEventSeq(caseId);
  await repo.insertEvent(eventRow(caseId, seq, e));
  return seq;
}
