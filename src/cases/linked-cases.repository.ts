// Cases linked by near-duplicate and mirror signals (table mirror_links, written by detection): a case's
// originals (what its subject copies), its mirrors (subjects copying its subject), and its siblings
// (other mirrors of the same originals). Each read is by an indexed column with a limit.
import type { Db } from '../db/database.ts';
import type { CaseState } from './case-values.ts';
import { isOneOf } from '../shared/one-of.ts';
import { type LinkRelation, MIRROR_EVIDENCE, type MirrorEvidence } from '../detection/text/mirror-values.ts';

/** The evidence as stored (a JSON array of MIRROR_EVIDENCE values), keeping known values only. */
const evidenceOf = (json: string): MirrorEvidence[] => (JSON.parse(json) as unknown[]).filter((e): e is MirrorEvidence => isOneOf(MIRROR_EVIDENCE, e));

const LIMIT = 50;

export interface LinkedCase {
  caseId: string;
  state: CaseState;
  platform: string;
  subject: { kind: string; id: string };
  /** `original`: the case whose decision this case's subject copies; `mirror`: a subject copying this case's or a shared original. */
  role: 'original' | 'mirror';
  relation: LinkRelation;
  evidence: MirrorEvidence[];
}

export class LinkedCasesRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async of(caseId: string): Promise<LinkedCase[]> {
    const asMirror = await this.#db.selectFrom('mirror_links').selectAll().where('case_id', '=', caseId).limit(LIMIT).execute();
    const originals = [...new Set(asMirror.map((l) => l.original_case_id))];
    const mirrors = await this.#db
      .selectFrom('mirror_links')
      .selectAll()
      .where('original_case_id', 'in', [caseId, ...originals])
      .where('case_id', '!=', caseId)
      .limit(LIMIT)
      .execute();
    const ids = [...new Set([...originals, ...mirrors.map((m) => m.case_id)])];
    if (ids.length === 0) return [];
    const cases = new Map(
      (await this.#db.selectFrom('cases').select(['id', 'state', 'platform', 'subject_kind', 'subject_id']).where('id', 'in', ids).execute()).map((c) => [
        c.id,
        c,
      ]),
    );
    const out: LinkedCase[] = [];
    const seen = new Set<string>();
    for (const l of asMirror) {
      const c = cases.get(l.original_case_id);
      if (!c || seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({
        caseId: c.id,
        state: c.state,
        platform: c.platform ?? 'reference',
        subject: { kind: c.subject_kind, id: c.subject_id },
        role: 'original',
        relation: l.relation,
        evidence: evidenceOf(l.evidence),
      });
    }
    for (const m of mirrors) {
      const c = cases.get(m.case_id);
      if (!c || seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({
        caseId: c.id,
        state: c.state,
        platform: m.platform,
        subject: { kind: m.subject_kind, id: m.subject_id },
        role: 'mirror',
        relation: m.relation,
        evidence: evidenceOf(m.evidence),
      });
    }
    return out;
  }
}
