import { detectLanguage, detectLanguageOf } from '../shared/language.ts';
import type { Db } from '../db/database.ts';
import type { ChannelsTable } from '../db/schema.ts';
import { badRequest, forbidden, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { decodeCursor, encodeCursor } from '../shared/paging.ts';
import { nowIso } from '../shared/time.ts';
import { visibilityKey, type Viewer, type VisibilityService, type Notice } from '../enforcement/visibility.ts';
import { ChannelsRepository } from './channels.repository.ts';
import { claimPublicName } from './public-names.ts';
import { AccountsRepository } from './accounts.repository.ts';
import { validateHandle } from './handles.ts';
import { mediaView, type MediaService, type MediaView } from './media.service.ts';
import { unavailable } from './unavailable.ts';
import { noScanning, publishScanned, type PublishScanner } from '../detection/publish-scan.ts';
import { TEXT_FILE_TYPES } from '../detection/media-type.ts';

export interface ChannelView {
  id: string;
  handle: string;
  title: string;
  description: string;
  subscribers: number;
  link: string;
  createdAt: string;
}
export interface PostView {
  id: string;
  channel: string;
  number: number;
  link: string;
  createdAt: string;
  text: string;
  media: MediaView[];
  /** Set on the publisher's answer when automated detection holds the post for review. */
  held?: boolean;
}
/** A post that may not be shown keeps its place in the feed with a notice instead of its content. */
export interface WithheldPostView {
  id: string;
  channel: string;
  number: number;
  link: string;
  createdAt: string;
  withheld: Notice;
}

export const channelView = (c: ChannelsTable): ChannelView => ({
  id: c.id,
  handle: c.handle,
  title: c.title,
  description: c.description,
  subscribers: c.subscriber_count,
  link: `/c/${c.handle}`,
  createdAt: c.created_at,
});

const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

export class ChannelsService {
  #db: Db;
  #media: MediaService;
  #visibility: VisibilityService;
  #scanner: PublishScanner;
  #reads: Db;
  constructor(db: Db, media: MediaService, visibility: VisibilityService, scanner: PublishScanner = noScanning, reads: Db = db) {
    this.#db = db;
    this.#reads = reads;
    this.#media = media;
    this.#visibility = visibility;
    this.#scanner = scanner;
  }

  async create(ownerId: string, input: { handle: string; title: string; description?: string }): Promise<ChannelView> {
    const handle = validateHandle(input.handle);
    const title = input.title.trim();
    if (title === '') throw badRequest('invalid_title', 'The title must not be blank.', [{ field: 'title', message: 'blank' }]);
    const row: ChannelsTable = {
      id: newId('ch'),
      handle,
      handle_lower: handle.toLowerCase(),
      title,
      description: (input.description ?? '').trim(),
      owner_id: ownerId,
      subscriber_count: 0,
      last_post_seq: 0,
      created_at: nowIso(),
    };
    row.language = detectLanguageOf(row.title, row.description);
    const signalled = await this.#db.transaction().execute(async (trx) => {
      await claimPublicName(trx, handle, 'channel', row.id, 'handle');
      await new ChannelsRepository(trx).insert(row);
      return this.#scanner.signalText(
        trx,
        { subject: { kind: 'channel', id: row.id }, caseSubject: { kind: 'channel', id: row.id }, ownerId, language: row.language ?? null },
        { fields: { channel_title: row.title, channel_description: row.description }, channelAgeDays: 0, reach: 0 },
      );
    });
    if (signalled) this.#scanner.committed();
    return channelView(row);
  }

  /** How many channels exist (e.g. the demo refuses to seed a platform that already has some). */
  count(): Promise<number> {
    return new ChannelsRepository(this.#db).count();
  }

  /** The channel as stored, whatever its visibility: for owners and moderation. */
  async findRaw(handle: string): Promise<ChannelsTable> {
    const c = await new ChannelsRepository(this.#db).findByHandle(handle);
    if (!c) throw notFound('Channel');
    return c;
  }

  /** The channel as the public may see it: a restricted channel answers 451 with its notice. */
  async getVisible(handle: string, viewer: Viewer): Promise<ChannelsTable> {
    const c = await this.findRaw(handle);
    const v = await this.#visibility.check({ kind: 'channel', id: c.id }, viewer);
    if (!v.visible) throw unavailable(v.notice, 'channel');
    return c;
  }

  async addAdmin(actorId: string, handle: string, accountId: string): Promise<void> {
    const c = await this.findRaw(handle);
    if (c.owner_id !== actorId) throw forbidden('Only the channel owner can add admins.');
    if (!(await new AccountsRepository(this.#db).findById(accountId))) {
      throw badRequest('unknown_account', `Account "${accountId}" does not exist.`, [{ field: 'accountId', message: 'unknown account' }]);
    }
    await new ChannelsRepository(this.#db).addAdmin(c.id, accountId, nowIso());
  }

  async subscribe(accountId: string, handle: string, viewer: Viewer): Promise<ChannelView> {
    const c = await this.getVisible(handle, viewer);
    await new ChannelsRepository(this.#db).subscribe(c.id, accountId, nowIso());
    return channelView(await this.findRaw(handle));
  }

  async publish(authorId: string, handle: string, input: { text?: string; media?: string[] }, viewer: Viewer): Promise<PostView> {
    const c = await this.getVisible(handle, viewer);
    const repo = new ChannelsRepository(this.#db);
    if (c.owner_id !== authorId && !(await repo.isAdmin(c.id, authorId))) {
      throw forbidden('Only the channel owner and its admins can publish.');
    }
    const text = (input.text ?? '').trim();
    const language = detectLanguage(text);
    const mediaIds = input.media ?? [];
    if (text === '' && mediaIds.length === 0) {
      throw badRequest('empty_post', 'A post needs text or at least one media item.', [{ field: 'text', message: 'required without media' }]);
    }
    const media = await this.#media.requireOwned(authorId, mediaIds, { field: 'media' });
    const id = newId('post');
    const createdAt = nowIso();
    const { value: seq, held } = await publishScanned(
      this.#db,
      this.#scanner,
      media,
      'channel_post',
      {
        hold: { kind: 'post', id },
        caseSubject: { kind: 'channel', id: c.id },
        postId: id,
        what: 'This post',
        ownerId: c.owner_id,
        language,
        text: { fields: { post_text: text }, channelAgeDays: Math.floor((Date.now() - Date.parse(c.created_at)) / 86_400_000), reach: c.subscriber_count },
        textFiles: media.some((m) => TEXT_FILE_TYPES.has(m.mime)),
      },
      async (trx) => {
        const r = new ChannelsRepository(trx);
        const n = await r.nextPostSeq(c.id);
        if (language && !c.language) await r.adoptLanguage(c.id, language);
        await r.insertPost(
          { id, channel_id: c.id, seq: n, author_id: authorId, text, created_at: createdAt, language },
          media.map((m) => m.id),
        );
        return n;
      },
    );
    const view = this.#postView(c, { id, seq, text, created_at: createdAt }, media.map(mediaView));
    return held ? { ...view, held: true } : view;
  }

  #postView(c: ChannelsTable, p: { id: string; seq: number; text: string; created_at: string }, media: MediaView[]): PostView {
    return { id: p.id, channel: c.handle, number: p.seq, link: `/c/${c.handle}/${p.seq}`, createdAt: p.created_at, text: p.text, media };
  }

  /**
   * Pages and the public API read through `#reads` (on SQLite a separate read-only connection, so reads
   * do not queue behind a write transaction) with a constant number of queries whatever the page holds:
   * the channel, its posts with their media, and one visibility lookup for the channel and all its posts.
   */
  async #visibleChannel(handle: string): Promise<ChannelsTable> {
    const c = await new ChannelsRepository(this.#reads).findByHandle(handle);
    if (!c) throw notFound('Channel');
    return c;
  }

  async listPosts(handle: string, viewer: Viewer, opts: { limit: number; cursor?: string }) {
    const c = await this.#visibleChannel(handle);
    let before: number | undefined;
    try {
      before = decodeCursor(opts.cursor, isSeq);
    } catch (err) {
      await this.getVisible(handle, viewer); // a restricted channel answers 451 before a bad cursor's 400
      throw err;
    }
    const rows = groupPosts(await new ChannelsRepository(this.#reads).listPostsWithMedia(c.id, opts.limit + 1, { beforeSeq: before }));
    const page = rows.slice(0, opts.limit);
    const posts = await this.#present(c, page, viewer);
    const nextCursor = rows.length > opts.limit ? encodeCursor(page[page.length - 1].seq) : null;
    return { channel: channelView(c), posts, nextCursor };
  }

  async getPost(handle: string, seq: number, viewer: Viewer): Promise<{ channel: ChannelView; post: PostView | WithheldPostView }> {
    const c = await this.#visibleChannel(handle);
    const rows = groupPosts(await new ChannelsRepository(this.#reads).listPostsWithMedia(c.id, 1, { seq }));
    const [post] = await this.#present(c, rows, viewer);
    if (!post) throw notFound('Post');
    return { channel: channelView(c), post };
  }

  /** Throws 451 when the channel may not be shown; a withheld post keeps its place, a held one leaves none. */
  async #present(c: ChannelsTable, rows: PostRow[], viewer: Viewer) {
    const vis = await this.#visibility.checkMany([{ kind: 'channel', id: c.id }, ...rows.map((r) => ({ kind: 'post' as const, id: r.id }))], viewer);
    const channel = vis.get(visibilityKey({ kind: 'channel', id: c.id }));
    if (channel && !channel.visible) throw unavailable(channel.notice, 'channel');
    const notice = (id: string) => {
      const v = vis.get(visibilityKey({ kind: 'post', id }));
      return v && !v.visible ? v.notice : undefined;
    };
    // A post held by automated detection was never published: it leaves no trace in the public feed.
    return rows
      .filter((r) => notice(r.id)?.code !== 'held')
      .map((r): PostView | WithheldPostView => {
        const withheld = notice(r.id);
        if (withheld) {
          return { id: r.id, channel: c.handle, number: r.seq, link: `/c/${c.handle}/${r.seq}`, createdAt: r.created_at, withheld };
        }
        return this.#postView(c, r, r.media);
      });
  }
}

interface PostRow {
  id: string;
  seq: number;
  text: string;
  created_at: string;
  media: MediaView[];
}

/** Folds the rows of `listPostsWithMedia` (one per post and media item, in order) into posts. */
function groupPosts(
  rows: Array<{
    id: string;
    seq: number;
    text: string;
    created_at: string;
    media_id: string | null;
    sha256: string | null;
    mime: string | null;
    size: number | null;
    width: number | null;
    height: number | null;
  }>,
): PostRow[] {
  const posts: PostRow[] = [];
  for (const r of rows) {
    let p = posts[posts.length - 1];
    if (p?.id !== r.id) {
      p = { id: r.id, seq: r.seq, text: r.text, created_at: r.created_at, media: [] };
      posts.push(p);
    }
    if (r.media_id !== null) {
      p.media.push(mediaView({ id: r.media_id, sha256: r.sha256 ?? '', mime: r.mime ?? '', size: r.size ?? 0, width: r.width, height: r.height }));
    }
  }
  return posts;
}
