// Near-duplicate and mirror signals' storage: public subjects' fingerprints, what decisions took down
// (fingerprints by band, owners, links, media digests), and the links found between subjects. Every
// lookup reads exact indexed values with a limit, so its cost does not grow with the tables.
import type { Db } from '../../db/database.ts';
import type { BlockedMarkersTable, BlockedTextsTable, MirrorLinksTable, TextFingerprintsTable } from '../../db/schema-signals.ts';
import type { BlockableKind } from '../../subjects/kinds.ts';
import type { MarkerKind } from './mirror-values.ts';

/** At most this many candidates a lookup reads (per band, per marker set). */
const CANDIDATES = 50;

export class FingerprintsRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async upsert(row: TextFingerprintsTable): Promise<void> {
    const { id: _id, ...rest } = row;
    await this.#db
      .insertInto('text_fingerprints')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(rest))
      .execute();
  }

  /** The latest fingerprint rows of a channel, bot or sticker set (its own and its posts'), at most `limit`. */
  ofCaseSubject(platform: string, kind: BlockableKind, id: string, limit: number): Promise<TextFingerprintsTable[]> {
    return this.#db
      .selectFrom('text_fingerprints')
      .selectAll()
      .where('platform', '=', platform)
      .where('case_subject_kind', '=', kind)
      .where('case_subject_id', '=', id)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute() as Promise<TextFingerprintsTable[]>;
  }

  ofPosts(platform: string, postIds: string[]): Promise<TextFingerprintsTable[]> {
    if (postIds.length === 0) return Promise.resolve([]);
    return this.#db
      .selectFrom('text_fingerprints')
      .selectAll()
      .where(
        'id',
        'in',
        postIds.map((p) => `${platform}:post:${p}`),
      )
      .execute() as Promise<TextFingerprintsTable[]>;
  }

  async insertBlockedTexts(rows: BlockedTextsTable[]): Promise<void> {
    if (rows.length === 0) return;
    await this.#db
      .insertInto('blocked_texts')
      .values(rows)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async insertMarkers(rows: BlockedMarkersTable[]): Promise<void> {
    if (rows.length === 0) return;
    await this.#db
      .insertInto('blocked_markers')
      .values(rows)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /** A reversed decision takes down nothing any more: its index entries go. */
  async unindex(decisionId: string): Promise<void> {
    await this.#db.deleteFrom('blocked_texts').where('decision_id', '=', decisionId).execute();
    await this.#db.deleteFrom('blocked_markers').where('decision_id', '=', decisionId).execute();
  }

  /** Whether any decision took anything down (if not, publishing needs no job to compare against it). */
  async anyIndexed(): Promise<boolean> {
    const [t, m] = await Promise.all([
      this.#db.selectFrom('blocked_texts').select('id').limit(1).executeTakeFirst(),
      this.#db.selectFrom('blocked_markers').select('id').limit(1).executeTakeFirst(),
    ]);
    return t !== undefined || m !== undefined;
  }

  /** Taken-down fingerprints sharing at least one band with `bands` (the caller checks the distance). */
  async candidates(bands: number[]): Promise<BlockedTextsTable[]> {
    const found = new Map<string, BlockedTextsTable>();
    for (let i = 0; i < bands.length; i++) {
      const rows = (await this.#db
        .selectFrom('blocked_texts')
        .selectAll()
        .where(`band${i}` as 'band0', '=', bands[i])
        .limit(CANDIDATES)
        .execute()) as BlockedTextsTable[];
      for (const r of rows) found.set(r.id, r);
    }
    return [...found.values()];
  }

  async markers(wanted: Array<{ kind: MarkerKind; value: string }>): Promise<BlockedMarkersTable[]> {
    const out: BlockedMarkersTable[] = [];
    for (const w of wanted) {
      const rows = await this.#db.selectFrom('blocked_markers').selectAll().where('kind', '=', w.kind).where('value', '=', w.value).limit(CANDIDATES).execute();
      out.push(...(rows as BlockedMarkersTable[]));
    }
    return out;
  }

  async findLink(id: string): Promise<MirrorLinksTable | undefined> {
    return (await this.#db.selectFrom('mirror_links').selectAll().where('id', '=', id).executeTakeFirst()) as MirrorLinksTable | undefined;
  }

  async upsertLink(row: MirrorLinksTable): Promise<void> {
    await this.#db
      .insertInto('mirror_links')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ evidence: row.evidence, case_id: row.case_id, relation: row.relation, updated_at: row.updated_at }))
      .execute();
  }
}
