// Near-duplicate and mirror signals, part of the `signals.text` job. A published text is compared with
// what decisions took down (text-index.ts): fingerprints within NEAR_DUPLICATE_DISTANCE bits (looked up
// by band), and, for blocked subjects, the owner, external links and media digests. Each decision found
// files an automated report that opens or joins the new subject's case (in the original decision's
// category) and appends one `signal` event naming the original case and decision and the kinds of
// evidence; a mirror_links row per pair keeps it once, and a later post adding evidence adds one event.
// Nothing here blocks or hides anything.
import type { Db } from '../../db/database.ts';
import { appendEvent } from '../../cases/case-log.ts';
import type { ReportsService } from '../../intake/reports.service.ts';
import type { Reporter } from '../../intake/reporter.ts';
import { REFERENCE_PLATFORM } from '../../shared/platforms.ts';
import { nowIso } from '../../shared/time.ts';
import type { RuleField } from './rule-schema.ts';
import type { TextItem } from './rules.ts';
import { FingerprintsRepository } from './fingerprints.repository.ts';
import { externalLinks } from './links.ts';
import { type LinkRelation, MARKER_EVIDENCE, MIRROR_EVIDENCE, type MarkerKind, type MirrorEvidence } from './mirror-values.ts';
import { bands, hamming, NEAR_DUPLICATE_DISTANCE, simhash } from './simhash.ts';
import type { TextSignalsJob, TextTarget } from './text-signals.ts';

const AUTOMATED: Reporter = { source: 'automated', key: 'auto:near-duplicate', accountId: null, label: 'near-duplicate and mirror detector', country: null };
/** At most this many original decisions signalled per publication. */
const MAX_ORIGINALS = 5;
/** The field a subject's fingerprint is taken of: its main text (a channel's description, not its short title). */
const FINGERPRINT_FIELDS: RuleField[] = ['post_text', 'channel_description', 'bot_name', 'sticker_set_name'];

const ALL_FIELDS = (item: TextItem): string =>
  Object.values(item.fields)
    .filter((t): t is string => t !== undefined)
    .join('\n');

/** In the publishing transaction: the subject's fingerprint row (replacing an earlier one), and what the job compares. */
export async function fingerprintPublished(trx: Db, target: TextTarget, item: TextItem): Promise<{ fingerprint: string | null; links: string[] }> {
  const field = FINGERPRINT_FIELDS.find((f) => (item.fields[f] ?? '').trim() !== '');
  const fingerprint = field ? simhash(item.fields[field] ?? '') : null;
  const links = externalLinks(ALL_FIELDS(item));
  const platform = target.platform ?? REFERENCE_PLATFORM;
  await new FingerprintsRepository(trx).upsert({
    id: `${platform}:${target.subject.kind}:${target.subject.id}`,
    platform,
    subject_kind: target.subject.kind,
    subject_id: target.subject.id,
    case_subject_kind: target.caseSubject.kind,
    case_subject_id: target.caseSubjectId ?? target.caseSubject.id,
    owner_id: target.ownerId ?? null,
    fingerprint,
    links: JSON.stringify(links),
    media: JSON.stringify(target.media ?? []),
    created_at: nowIso(),
  });
  return { fingerprint, links };
}

interface Found {
  decisionId: string;
  category: string;
  blocked: boolean;
  evidence: Set<MirrorEvidence>;
  distance: number | null;
}

async function findOriginals(db: Db, job: TextSignalsJob): Promise<Map<string, Found>> {
  const repo = new FingerprintsRepository(db);
  const found = new Map<string, Found>();
  const add = (caseId: string, decisionId: string, category: string, blocked: boolean, kind: MirrorEvidence, distance: number | null) => {
    const f = found.get(caseId) ?? { decisionId, category, blocked: false, evidence: new Set<MirrorEvidence>(), distance: null };
    f.blocked ||= blocked;
    f.evidence.add(kind);
    if (distance !== null) f.distance = f.distance === null ? distance : Math.min(f.distance, distance);
    found.set(caseId, f);
  };
  if (job.fingerprint) {
    for (const c of await repo.candidates(bands(job.fingerprint))) {
      if (c.subject_kind === job.subject.kind && c.subject_id === job.subject.id) continue;
      const d = hamming(job.fingerprint, c.fingerprint);
      if (d <= NEAR_DUPLICATE_DISTANCE) add(c.case_id, c.decision_id, c.category, c.action === 'block', 'text', d);
    }
  }
  const wanted: Array<{ kind: MarkerKind; value: string }> = [
    ...(job.ownerId ? [{ kind: 'owner' as const, value: job.ownerId }] : []),
    ...(job.links ?? []).map((value) => ({ kind: 'link' as const, value })),
    ...(job.media ?? []).filter((m) => m !== '').map((value) => ({ kind: 'media' as const, value })),
  ];
  for (const m of await repo.markers(wanted)) add(m.case_id, m.decision_id, m.category, true, MARKER_EVIDENCE[m.kind], null);
  return found;
}

export async function runMirrors(db: Db, reports: ReportsService, job: TextSignalsJob): Promise<void> {
  const found = await findOriginals(db, job);
  if (found.size === 0) return;
  const platform = job.platform ?? REFERENCE_PLATFORM;
  const subjectId = job.caseSubjectId ?? job.caseSubject.id;
  const originals = [...found.entries()].sort(([a], [b]) => a.localeCompare(b)).slice(0, MAX_ORIGINALS);
  for (const [originalCaseId, f] of originals) {
    const relation: LinkRelation = f.blocked ? 'mirror' : 'near_duplicate';
    const evidence = MIRROR_EVIDENCE.filter((e) => f.evidence.has(e));
    const linkId = `${platform}:${job.caseSubject.kind}:${subjectId}:${originalCaseId}`;
    const known = await new FingerprintsRepository(db).findLink(linkId);
    if (known && evidence.every((e) => (JSON.parse(known.evidence) as string[]).includes(e))) continue;
    const explanation =
      relation === 'mirror'
        ? `Likely mirror of a blocked subject (case ${originalCaseId}, decision ${f.decisionId}): shares ${evidence.join(', ')}.`
        : `Near-duplicate of a text removed by decision ${f.decisionId} (case ${originalCaseId}), ${f.distance} bits apart.`;
    const subject = job.platform ? { ...job.caseSubject, platform: job.platform } : job.caseSubject;
    const ack = await reports.submit(
      { subject, category: f.category, explanation, postIds: job.postId ? [job.postId] : undefined },
      AUTOMATED,
      `${job.key}:${relation}:${originalCaseId}`,
    );
    if (!ack.caseId) continue;
    const caseId = ack.caseId;
    const at = nowIso();
    await db.transaction().execute(async (trx) => {
      const repo = new FingerprintsRepository(trx);
      const before = await repo.findLink(linkId);
      const had: string[] = before ? JSON.parse(before.evidence) : [];
      if (before && evidence.every((e) => had.includes(e))) return;
      const merged = MIRROR_EVIDENCE.filter((e) => had.includes(e) || f.evidence.has(e));
      await repo.upsertLink({
        id: linkId,
        platform,
        subject_kind: job.caseSubject.kind,
        subject_id: subjectId,
        case_id: caseId,
        original_case_id: originalCaseId,
        original_decision_id: f.decisionId,
        relation: before?.relation === 'mirror' ? 'mirror' : relation,
        evidence: JSON.stringify(merged),
        created_at: before?.created_at ?? at,
        updated_at: at,
      });
      await appendEvent(trx, caseId, {
        kind: 'signal',
        actor: 'system:near-duplicate',
        at,
        data: { type: relation, originalCaseId, originalDecisionId: f.decisionId, evidence: merged, distance: f.distance, postId: job.postId ?? null },
      });
    });
  }
}
