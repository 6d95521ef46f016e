// The subject as it is now, for reviewers: channel info with recent and reported posts and their media,
// a bot, or a sticker set. Private groups and chats have no snapshot: their content is never read.
import type { Db } from '../db/database.ts';
import { ChannelsRepository } from '../platform/channels.repository.ts';
import { BotsRepository } from '../platform/bots.repository.ts';
import { StickerSetsRepository } from '../platform/sticker-sets.repository.ts';
import { mediaView } from '../platform/media.service.ts';
import { MediaRepository } from '../platform/media.repository.ts';

type PostRow = { id: string; seq: number; text: string; created_at: string };

export class SubjectSnapshots {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async snapshot(kind: string, id: string, reportedPostIds: string[]) {
    if (kind === 'channel') {
      const repo = new ChannelsRepository(this.#db);
      const c = await repo.findById(id);
      if (!c) return null;
      const recent = await repo.listPosts(c.id, 10);
      const reported = (await Promise.all(reportedPostIds.map((p) => repo.findPostById(p)))).filter((p) => p !== undefined);
      const all = [...new Map([...reported, ...recent].map((p) => [p.id, p])).values()];
      const media = await repo.mediaOfPosts(all.map((p) => p.id));
      const view = (p: PostRow) => ({
        id: p.id,
        number: p.seq,
        link: `/c/${c.handle}/${p.seq}`,
        text: p.text,
        createdAt: p.created_at,
        reported: reportedPostIds.includes(p.id),
        media: media.filter((m) => m.post_id === p.id).map(mediaView),
      });
      return {
        kind: 'channel' as const,
        id: c.id,
        link: `/c/${c.handle}`,
        handle: c.handle,
        title: c.title,
        description: c.description,
        subscribers: c.subscriber_count,
        createdAt: c.created_at,
        recentPosts: recent.map(view),
        reportedPosts: reported.map(view),
      };
    }
    if (kind === 'bot') {
      const b = await new BotsRepository(this.#db).findById(id);
      if (!b) return null;
      const picture = b.picture_media_id ? await new MediaRepository(this.#db).findById(b.picture_media_id) : undefined;
      const messages = await new BotsRepository(this.#db).recentMessages(b.id, 10);
      return {
        kind: 'bot' as const,
        id: b.id,
        link: `/bot/${b.handle}`,
        handle: b.handle,
        description: b.description,
        picture: picture ? mediaView(picture) : null,
        createdAt: b.created_at,
        recentMessages: messages.map((m) => ({ id: m.id, text: m.text, createdAt: m.created_at })),
      };
    }
    if (kind === 'sticker_set') {
      const repo = new StickerSetsRepository(this.#db);
      const s = await repo.findById(id);
      if (!s) return null;
      return {
        kind: 'sticker_set' as const,
        id: s.id,
        link: `/stickers/${s.name}`,
        name: s.name,
        title: s.title,
        stickers: (await repo.stickers(s.id)).map(mediaView),
        createdAt: s.created_at,
      };
    }
    return null;
  }
}
