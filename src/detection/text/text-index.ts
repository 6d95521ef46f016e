// What a decision took down, indexed for near-duplicate and mirror signals (in the decision's
// transaction): the fingerprints of removed posts, and for a block the subject's own text and its latest
// posts' fingerprints, plus its owner, external links and media digests. A reversal withdraws them.
import type { Db } from '../../db/database.ts';
import type { BlockedMarkersTable, BlockedTextsTable, TextFingerprintsTable } from '../../db/schema-signals.ts';
import type { MediaHashes } from '../../subjects/platform-port.ts';
import { FingerprintsRepository } from './fingerprints.repository.ts';
import { bands } from './simhash.ts';
import { isBlockable } from '../../subjects/kinds.ts';

/** A blocked subject's latest posts indexed, at most: a decision's cost stays bounded. */
const MAX_POSTS_INDEXED = 500;

export interface TakenDown {
  caseId: string;
  decisionId: string;
  category: string;
  platform: string;
  /** The case's subject (by Vigil's id) and whether the decision blocked it. */
  subject: { kind: string; id: string };
  blocked: boolean;
  ownerId: string | null;
  removedPostIds: string[];
  media: MediaHashes[];
}

export async function indexTakenDown(trx: Db, d: TakenDown, at: string): Promise<void> {
  const repo = new FingerprintsRepository(trx);
  const rows: Array<{ row: TextFingerprintsTable; action: BlockedTextsTable['action'] }> = [];
  for (const row of await repo.ofPosts(d.platform, d.removedPostIds)) rows.push({ row, action: 'remove_posts' });
  if (d.blocked && isBlockable(d.subject.kind))
    for (const row of await repo.ofCaseSubject(d.platform, d.subject.kind, d.subject.id, MAX_POSTS_INDEXED)) rows.push({ row, action: 'block' });
  const texts: BlockedTextsTable[] = [];
  const links = new Set<string>();
  for (const { row, action } of rows) {
    if (action === 'block') for (const l of JSON.parse(row.links) as string[]) links.add(l);
    if (row.fingerprint === null) continue;
    const b = bands(row.fingerprint);
    texts.push({
      id: `${d.decisionId}:${row.subject_kind}:${row.subject_id}`,
      decision_id: d.decisionId,
      case_id: d.caseId,
      action,
      category: d.category,
      platform: d.platform,
      subject_kind: row.subject_kind,
      subject_id: row.subject_id,
      fingerprint: row.fingerprint,
      band0: b[0],
      band1: b[1],
      band2: b[2],
      band3: b[3],
      band4: b[4],
      band5: b[5],
      band6: b[6],
      created_at: at,
    });
  }
  await repo.insertBlockedTexts(texts);
  if (!d.blocked) return;
  const marker = (kind: BlockedMarkersTable['kind'], value: string): BlockedMarkersTable => ({
    id: `${d.decisionId}:${kind}:${value}`,
    decision_id: d.decisionId,
    case_id: d.caseId,
    category: d.category,
    platform: d.platform,
    kind,
    value,
    created_at: at,
  });
  await repo.insertMarkers([
    ...(d.ownerId ? [marker('owner', d.ownerId)] : []),
    ...[...links].map((l) => marker('link', l)),
    ...[...new Set(d.media.map((m) => m.sha256).filter((s) => s !== ''))].map((s) => marker('media', s)),
  ]);
}

/** For DecisionsService: index on a decision that removes or blocks, withdraw on a reversal. */
export const textIndexing = {
  index: (trx: Db, d: TakenDown, at: string) => indexTakenDown(trx, d, at),
  unindex: (trx: Db, decisionId: string) => new FingerprintsRepository(trx).unindex(decisionId),
};
