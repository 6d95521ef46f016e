// Frozen in time: Kysely<any>, no application imports. Public names get their confusable skeleton
// (src/platform/name-skeleton.ts) under a unique index, so two look-alike names cannot both be claimed,
// even by two requests racing.
//
// A database may already hold names that look alike. Its rows still migrate: the name whose channel, bot
// or sticker set was created first keeps the skeleton, later look-alikes keep working but get NULL (NULLs
// are distinct in a unique index on both SQLite and PostgreSQL). Nothing is renamed or taken away from an
// owner by a migration; the first name goes on protecting the skeleton against new claims.
import type { Kysely } from 'kysely';

// A frozen copy of the skeleton of 2026-11-29 (Unicode confusables rows 0→O, 1→l, I→l, m→rn, plus Vigil's
// d→cl, w→vv), folded for case-insensitive names. The app's module may change later; this must not.
const FOLDED: Record<string, string> = { '0': 'o', '1': 'l', i: 'l', m: 'rn', d: 'cl', w: 'vv' };

export function skeletonAtMigration(name: string): string {
  let out = '';
  for (const c of name.toLowerCase().normalize('NFD')) out += FOLDED[c] ?? c;
  return out.normalize('NFD');
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('public_names').addColumn('skeleton', 'text').execute();

  const names: Array<{ name_lower: string; kind: string; subject_id: string }> = await db
    .selectFrom('public_names')
    .select(['name_lower', 'kind', 'subject_id'])
    .execute();
  const createdAt = new Map<string, string>();
  for (const table of ['channels', 'bots', 'sticker_sets']) {
    const rows: Array<{ id: string; created_at: string }> = await db.selectFrom(table).select(['id', 'created_at']).execute();
    for (const r of rows) createdAt.set(r.id, r.created_at);
  }
  // Oldest first (a name without its subject last), then by name, so the outcome does not depend on row order.
  const ordered = names
    .map((n) => ({ ...n, at: createdAt.get(n.subject_id) ?? '\uffff' }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.name_lower < b.name_lower ? -1 : a.name_lower > b.name_lower ? 1 : 0));
  const claimed = new Set<string>();
  for (const n of ordered) {
    const skeleton = skeletonAtMigration(n.name_lower);
    if (claimed.has(skeleton)) continue; // a later look-alike: stays NULL
    claimed.add(skeleton);
    await db.updateTable('public_names').set({ skeleton }).where('name_lower', '=', n.name_lower).execute();
  }

  await db.schema.createIndex('public_names_skeleton').on('public_names').column('skeleton').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('public_names_skeleton').execute();
  await db.schema.alterTable('public_names').dropColumn('skeleton').execute();
}
