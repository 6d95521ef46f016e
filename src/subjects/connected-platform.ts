// A connected platform as the moderation core sees it: the port served from the content the platform
// registered over the API (POST /api/v1/content), in the same shapes as the reference platform's, so
// cases, the queue and the console treat it alike. Subjects are named by Vigil's own ids (`cnt_…`), so a
// platform's ids never collide with another platform's or the reference platform's; owners are
// `<platform>:<owner id>`. Reports about a post become reports about its channel naming that post.
// Private kinds (groups, chats) are never registered: a report about one is declined, nothing looked up.
import type { Db } from '../db/database.ts';
import type { ConnectedContentTable, ConnectedMediaTable } from '../db/schema-connected.ts';
import { badRequest, fieldProblem, notFound } from '../shared/errors.ts';
import { KIND_NOUN } from './kinds.ts';
import { ConnectedContentRepository } from './connected-content.repository.ts';
import type {
  MediaHashes,
  MediaView,
  OwnedSubject,
  PlatformPort,
  PostRef,
  PostSnapshot,
  PostTextFile,
  ResolvedSubject,
  SubjectRef,
  SubjectSnapshot,
} from './platform-port.ts';
import type { SubjectClaim } from './subject-link.ts';
import type { ConnectedPlatforms } from './subjects.ts';

/** Whether a name is a platform at all (it holds a platform key): checked before declining a private report. */
export type KnownPlatform = (db: Db, name: string) => Promise<boolean>;

export const connectedMediaView = (m: ConnectedMediaTable): MediaView => ({
  id: m.id,
  sha256: m.sha256 ?? '',
  mime: m.mime,
  size: m.size,
  ...(m.width !== null ? { width: m.width } : {}),
  ...(m.height !== null ? { height: m.height } : {}),
  ...(m.url !== null ? { url: m.url } : {}),
});

const deleted = (c: ConnectedContentTable) => (c.deleted_at ? { deletedAt: c.deleted_at } : {});
const labelOf = (c: ConnectedContentTable) => c.title || c.external_id;

export class ConnectedPlatform implements PlatformPort {
  readonly name: string;
  #known: KnownPlatform;
  constructor(name: string, known: KnownPlatform) {
    this.name = name;
    this.#known = known;
  }

  #subject(c: ConnectedContentTable, postIds: string[]): ResolvedSubject {
    return {
      platform: this.name,
      kind: c.kind === 'post' ? 'channel' : c.kind,
      id: c.id,
      link: c.url,
      label: labelOf(c),
      isPublic: true,
      ownerAccountId: c.owner_id === null ? null : `${this.name}:${c.owner_id}`,
      reach: c.reach,
      language: c.language ?? null,
      postIds,
    };
  }

  async resolve(db: Db, claim: SubjectClaim): Promise<ResolvedSubject> {
    const repo = new ConnectedContentRepository(db);
    let item: ConnectedContentTable | undefined;
    if (claim.by === 'id') {
      if (claim.kind === 'group' || claim.kind === 'chat') {
        // Never registered, never read: only that the platform exists, so the declined report is about something.
        if (!(await this.#known(db, this.name))) throw notFound(`Platform "${this.name}"`);
        return {
          platform: this.name,
          kind: claim.kind,
          id: `${this.name}:${claim.id}`,
          link: null,
          label: `private ${claim.kind}`,
          isPublic: false,
          ownerAccountId: null,
          reach: 0,
          language: null,
          postIds: [],
        };
      }
      if (claim.kind === 'account') {
        throw badRequest('invalid_subject', "A connected platform's accounts cannot be reported here: report their channel, post, bot or sticker set.", [
          fieldProblem('subject', 'not_reportable', 'account'),
        ]);
      }
      item = await repo.findByExternal(this.name, claim.kind, claim.id);
      if (!item || item.deleted_at) throw notFound(`The ${KIND_NOUN[claim.kind]} "${claim.id}" of platform "${this.name}"`);
    } else {
      const url = claim.url;
      item = url ? await repo.findLiveByUrl(url, this.name) : undefined;
      if (!item) throw notFound(`Content at ${url ?? 'this link'} on platform "${this.name}"`);
    }
    if (item.kind !== 'post') return this.#subject(item, []);
    const channel = item.channel_id ? await repo.findById(item.channel_id) : undefined;
    if (!channel) throw notFound(`The channel of post "${item.external_id}"`);
    return this.#subject(channel, [item.id]);
  }

  /** Posts named by our id or by the platform's own id; deleted ones too (a decision may still remove and bank them). */
  async postsOfChannel(db: Db, channelId: string, postIds: string[]): Promise<PostRef[]> {
    const repo = new ConnectedContentRepository(db);
    const posts: PostRef[] = [];
    for (const id of postIds) {
      let p = await repo.findById(id);
      if (!p || p.platform !== this.name || p.kind !== 'post') p = await repo.findByExternal(this.name, 'post', id);
      if (!p || p.channel_id !== channelId) throw notFound(`Post "${id}" in this channel`);
      posts.push({ id: p.id, channelId });
    }
    return posts;
  }

  async snapshot(db: Db, kind: string, id: string, reportedPostIds: string[]): Promise<SubjectSnapshot | null> {
    const repo = new ConnectedContentRepository(db);
    const c = await repo.findById(id);
    if (!c || c.platform !== this.name || c.kind !== kind) return null;
    if (c.kind === 'channel') {
      const recent = await repo.recentPosts(c.id, 10);
      const reported = (await repo.findByIds(reportedPostIds)).filter((p) => p.channel_id === c.id);
      const all = [...new Map([...reported, ...recent].map((p) => [p.id, p])).values()];
      const media = await repo.media(all.map((p) => p.id));
      const view = (p: ConnectedContentTable): PostSnapshot => ({
        id: p.id,
        number: p.seq,
        link: p.url,
        text: p.text,
        createdAt: p.created_at,
        reported: reportedPostIds.includes(p.id),
        media: media.filter((m) => m.content_id === p.id).map(connectedMediaView),
        ...deleted(p),
      });
      return {
        kind: 'channel',
        id: c.id,
        link: c.url,
        handle: c.external_id,
        title: c.title,
        description: c.text,
        subscribers: c.reach,
        createdAt: c.created_at,
        recentPosts: recent.map(view),
        reportedPosts: reported.map(view),
        ...deleted(c),
      };
    }
    const media = (await repo.media([c.id])).map(connectedMediaView);
    if (c.kind === 'bot') {
      return {
        kind: 'bot',
        id: c.id,
        link: c.url,
        handle: c.external_id,
        description: c.text,
        picture: media[0] ?? null,
        createdAt: c.created_at,
        recentMessages: [],
        ...deleted(c),
      };
    }
    if (c.kind === 'sticker_set') {
      return { kind: 'sticker_set', id: c.id, link: c.url, name: c.external_id, title: c.title, stickers: media, createdAt: c.created_at, ...deleted(c) };
    }
    return null;
  }

  async labels(db: Db, subjects: SubjectRef[]): Promise<Map<string, string>> {
    const rows = await new ConnectedContentRepository(db).findByIds([...new Set(subjects.map((s) => s.id))]);
    return new Map(rows.filter((r) => r.platform === this.name).map((r) => [`${r.kind}:${r.id}`, labelOf(r)]));
  }

  /** From the hashes stored at registration: the bytes were never kept, and need not be. */
  async mediaOfPosts(db: Db, postIds: string[]): Promise<MediaHashes[]> {
    const repo = new ConnectedContentRepository(db);
    const posts = (await repo.findByIds(postIds)).filter((p) => p.platform === this.name && p.kind === 'post');
    const media = await repo.media(posts.map((p) => p.id));
    return media.flatMap((m) =>
      m.sha256 === null ? [] : [{ id: m.id, sha256: m.sha256, pdq: m.pdq === null ? null : { hash: m.pdq, quality: m.pdq_quality ?? 0 } }],
    );
  }
  /** Connected platforms' media is registered as hashes or links; Vigil keeps no file bytes of theirs to read. */
  async textFilesOfPost(): Promise<PostTextFile[]> {
    return [];
  }

  /** The owner is `<platform>:<owner id>`; an owner of another platform has nothing here. */
  async subjectsOfOwner(db: Db, ownerAccountId: string, limit: number): Promise<OwnedSubject[]> {
    const prefix = `${this.name}:`;
    if (!ownerAccountId.startsWith(prefix)) return [];
    const rows = await new ConnectedContentRepository(db).ofOwner(this.name, ownerAccountId.slice(prefix.length), limit);
    return rows.flatMap((c) =>
      c.kind === 'channel' || c.kind === 'bot' || c.kind === 'sticker_set'
        ? [{ kind: c.kind, id: c.id, label: labelOf(c), link: c.url, createdAt: c.created_at }]
        : [],
    );
  }
}

/** A port for every connected platform's name, and the platform that registered a URL. */
export class ConnectedPlatformRegistry implements ConnectedPlatforms {
  #known: KnownPlatform;
  constructor(known: KnownPlatform) {
    // A platform is known once it registered content, or holds a platform key (it may not have yet).
    this.#known = async (db, name) => (await new ConnectedContentRepository(db).hasPlatform(name)) || known(db, name);
  }

  /** A new small object each time: not cached, so names sent in reports cannot grow a map. */
  port(name: string): ConnectedPlatform {
    return new ConnectedPlatform(name, this.#known);
  }

  async platformOfUrl(db: Db, url: string): Promise<string | undefined> {
    return (await new ConnectedContentRepository(db).findLiveByUrl(url))?.platform;
  }
}
