// Readable names of case subjects for the queue (a channel's title, a bot's handle, a sticker set's
// title), fetched in one query per kind for a page of cases. Private groups and chats get none.
import type { Db } from '../db/database.ts';

export async function subjectLabels(db: Db, subjects: Array<{ kind: string; id: string }>): Promise<Map<string, string>> {
  const ids = (kind: string) => [...new Set(subjects.filter((s) => s.kind === kind).map((s) => s.id))];
  const labels = new Map<string, string>();
  const channels = ids('channel');
  const bots = ids('bot');
  const stickerSets = ids('sticker_set');
  const [c, b, s] = await Promise.all([
    channels.length ? db.selectFrom('channels').select(['id', 'title', 'handle']).where('id', 'in', channels).execute() : [],
    bots.length ? db.selectFrom('bots').select(['id', 'handle']).where('id', 'in', bots).execute() : [],
    stickerSets.length ? db.selectFrom('sticker_sets').select(['id', 'title', 'name']).where('id', 'in', stickerSets).execute() : [],
  ]);
  for (const r of c) labels.set(`channel:${r.id}`, r.title || r.handle);
  for (const r of b) labels.set(`bot:${r.id}`, r.handle);
  for (const r of s) labels.set(`sticker_set:${r.id}`, r.title || r.name);
  return labels;
}
