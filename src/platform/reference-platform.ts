// The bundled messaging platform, as the moderation core sees it through the platform port: what a link
// or id names, the snapshot reviewers see, labels for the queue and the media of posts. Reports about a
// post become reports about its channel naming that post, so one case gathers everything about a channel.
// For private groups and chats only existence is checked: their content is never read.
import type { Db } from '../db/database.ts';
import type { ChannelsTable, MediaTable } from '../db/schema.ts';
import { notFound } from '../shared/errors.ts';
import type {
  MediaHashes,
  OwnedSubject,
  PlatformPort,
  PostRef,
  PostSnapshot,
  PostTextFile,
  ResolvedSubject,
  SubjectRef,
  SubjectSnapshot,
} from '../subjects/platform-port.ts';
import type { SubjectClaim } from '../subjects/subject-link.ts';
import { REFERENCE_PLATFORM } from '../subjects/subjects.ts';
import { AccountsRepository } from './accounts.repository.ts';
import { BotsRepository } from './bots.repository.ts';
import { ChannelsRepository } from './channels.repository.ts';
import { ConversationsRepository } from './conversations.repository.ts';
import { MediaRepository } from './media.repository.ts';
import type { MediaStore } from './media-store.ts';
import { TEXT_FILE_TYPES } from '../detection/media-type.ts';
import { mediaView } from './media.service.ts';
import { StickerSetsRepository } from './sticker-sets.repository.ts';

type Channel = Pick<ChannelsTable, 'id' | 'handle' | 'owner_id' | 'subscriber_count' | 'language'>;

const subject = (s: Omit<ResolvedSubject, 'platform' | 'postIds'> & { postIds?: string[] }): ResolvedSubject => ({
  platform: REFERENCE_PLATFORM,
  postIds: [],
  ...s,
});

const channelSubject = (c: Channel, postIds: string[]): ResolvedSubject =>
  subject({
    kind: 'channel',
    id: c.id,
    link: `/c/${c.handle}`,
    label: `@${c.handle}`,
    isPublic: true,
    ownerAccountId: c.owner_id,
    reach: c.subscriber_count,
    language: c.language ?? null,
    postIds,
  });

const privateSubject = (kind: 'group' | 'chat', id: string): ResolvedSubject =>
  subject({ kind, id, link: null, label: `private ${kind}`, isPublic: false, ownerAccountId: null, reach: 0, language: null });

/** The PDQ hash of a stored image (the scanner's, computed once and kept); undefined for other files. */
export type PdqOf = (m: MediaTable, db: Db) => Promise<{ hash: string; quality: number } | undefined>;

export class ReferencePlatform implements PlatformPort {
  readonly name = REFERENCE_PLATFORM;
  #pdqOf: PdqOf;
  #store: MediaStore;
  constructor(pdqOf: PdqOf, store: MediaStore) {
    this.#pdqOf = pdqOf;
    this.#store = store;
  }

  async resolve(db: Db, claim: SubjectClaim): Promise<ResolvedSubject> {
    if (claim.by === 'url') throw notFound(`Content at ${claim.url}`);
    const channels = new ChannelsRepository(db);
    switch (claim.kind) {
      case 'channel': {
        const c = claim.by === 'link' ? await channels.findByHandle(claim.handle) : await channels.findById(claim.id);
        if (!c) throw notFound('Channel');
        return channelSubject(c, []);
      }
      case 'post': {
        const post =
          claim.by === 'link'
            ? await channels.findByHandle(claim.handle).then((c) => (c ? channels.findPost(c.id, claim.number) : undefined))
            : await channels.findPostById(claim.id);
        if (!post) throw notFound('Post');
        const c = await channels.findById(post.channel_id);
        if (!c) throw notFound('Channel');
        return channelSubject(c, [post.id]);
      }
      case 'bot': {
        const repo = new BotsRepository(db);
        const b = claim.by === 'link' ? await repo.findByHandle(claim.handle) : await repo.findById(claim.id);
        if (!b) throw notFound('Bot');
        return subject({
          kind: 'bot',
          id: b.id,
          link: `/bot/${b.handle}`,
          label: `@${b.handle}`,
          isPublic: true,
          ownerAccountId: b.owner_id,
          reach: 0,
          language: b.language ?? null,
        });
      }
      case 'sticker_set': {
        const repo = new StickerSetsRepository(db);
        const s = claim.by === 'link' ? await repo.findByName(claim.name) : await repo.findById(claim.id);
        if (!s) throw notFound('Sticker set');
        return subject({
          kind: 'sticker_set',
          id: s.id,
          link: `/stickers/${s.name}`,
          label: s.name,
          isPublic: true,
          ownerAccountId: s.owner_id,
          reach: 0,
          language: s.language ?? null,
        });
      }
      case 'group':
        if (!(await new ConversationsRepository(db).findGroup(claim.id))) throw notFound('Group');
        return privateSubject('group', claim.id);
      case 'chat':
        if (!(await new ConversationsRepository(db).findChat(claim.id))) throw notFound('Chat');
        return privateSubject('chat', claim.id);
      case 'account':
        if (!(await new AccountsRepository(db).findById(claim.id))) throw notFound('Account');
        return subject({ kind: 'account', id: claim.id, link: null, label: 'account', isPublic: true, ownerAccountId: claim.id, reach: 0, language: null });
    }
  }

  async postsOfChannel(db: Db, channelId: string, postIds: string[]): Promise<PostRef[]> {
    const repo = new ChannelsRepository(db);
    const posts: PostRef[] = [];
    for (const id of postIds) {
      const p = await repo.findPostById(id);
      if (!p || p.channel_id !== channelId) throw notFound(`Post "${id}" in this channel`);
      posts.push({ id: p.id, channelId: p.channel_id });
    }
    return posts;
  }

  async snapshot(db: Db, kind: string, id: string, reportedPostIds: string[]): Promise<SubjectSnapshot | null> {
    if (kind === 'channel') {
      const repo = new ChannelsRepository(db);
      const c = await repo.findById(id);
      if (!c) return null;
      const recent = await repo.listPosts(c.id, 10);
      const reported = (await Promise.all(reportedPostIds.map((p) => repo.findPostById(p)))).filter((p) => p !== undefined);
      const all = [...new Map([...reported, ...recent].map((p) => [p.id, p])).values()];
      const media = await repo.mediaOfPosts(all.map((p) => p.id));
      const view = (p: { id: string; seq: number; text: string; created_at: string }): PostSnapshot => ({
        id: p.id,
        number: p.seq,
        link: `/c/${c.handle}/${p.seq}`,
        text: p.text,
        createdAt: p.created_at,
        reported: reportedPostIds.includes(p.id),
        media: media.filter((m) => m.post_id === p.id).map(mediaView),
      });
      return {
        kind,
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
      const bots = new BotsRepository(db);
      const b = await bots.findById(id);
      if (!b) return null;
      const picture = b.picture_media_id ? await new MediaRepository(db).findById(b.picture_media_id) : undefined;
      const messages = await bots.recentMessages(b.id, 10);
      return {
        kind,
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
      const repo = new StickerSetsRepository(db);
      const s = await repo.findById(id);
      if (!s) return null;
      return {
        kind,
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

  async labels(db: Db, subjects: SubjectRef[]): Promise<Map<string, string>> {
    const ids = (kind: string) => [...new Set(subjects.filter((s) => s.kind === kind).map((s) => s.id))];
    const [channels, bots, stickerSets] = await Promise.all([
      new ChannelsRepository(db).namesOf(ids('channel')),
      new BotsRepository(db).namesOf(ids('bot')),
      new StickerSetsRepository(db).namesOf(ids('sticker_set')),
    ]);
    const labels = new Map<string, string>();
    for (const r of channels) labels.set(`channel:${r.id}`, r.title || r.handle);
    for (const r of bots) labels.set(`bot:${r.id}`, r.handle);
    for (const r of stickerSets) labels.set(`sticker_set:${r.id}`, r.title || r.name);
    return labels;
  }

  async subjectsOfOwner(db: Db, ownerAccountId: string, limit: number): Promise<OwnedSubject[]> {
    const [channels, bots, stickerSets] = await Promise.all([
      new ChannelsRepository(db).ofOwner(ownerAccountId, limit),
      new BotsRepository(db).ofOwner(ownerAccountId, limit),
      new StickerSetsRepository(db).ofOwner(ownerAccountId, limit),
    ]);
    const all: OwnedSubject[] = [
      ...channels.map((c) => ({ kind: 'channel' as const, id: c.id, label: c.title || `@${c.handle}`, link: `/c/${c.handle}`, createdAt: c.created_at })),
      ...bots.map((b) => ({ kind: 'bot' as const, id: b.id, label: `@${b.handle}`, link: `/bot/${b.handle}`, createdAt: b.created_at })),
      ...stickerSets.map((s) => ({ kind: 'sticker_set' as const, id: s.id, label: s.title || s.name, link: `/stickers/${s.name}`, createdAt: s.created_at })),
    ];
    return all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)).slice(0, limit);
  }

  async mediaOfPosts(db: Db, postIds: string[]): Promise<MediaHashes[]> {
    const ids = [...new Set((await new ChannelsRepository(db).mediaOfPosts(postIds)).map((m) => m.id))];
    const hashes: MediaHashes[] = [];
    for (const m of await new MediaRepository(db).findByIds(ids)) hashes.push({ id: m.id, sha256: m.sha256, pdq: (await this.#pdqOf(m, db)) ?? null });
    return hashes;
  }

  async textFilesOfPost(db: Db, postId: string, maxBytes: number): Promise<PostTextFile[]> {
    const files: PostTextFile[] = [];
    for (const m of await new ChannelsRepository(db).mediaOfPosts([postId])) {
      if (!TEXT_FILE_TYPES.has(m.mime)) continue;
      const bytes = await this.#store.head(m.sha256, maxBytes);
      // A cut in the middle of a character decodes to one U+FFFD; nothing here is run or rendered.
      files.push({ id: m.id, mime: m.mime, text: new TextDecoder('utf-8').decode(bytes), truncated: m.size > maxBytes });
    }
    return files;
  }
}
