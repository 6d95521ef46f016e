// Connected platforms register the public content they host (POST /api/v1/content): one item per
// (platform, kind, the platform's own id), created or updated idempotently. Media sent as bytes is sniffed,
// decoded and hashed in the decode pool under the limits of uploads, then matched against the banks
// within the scan budget; only new media is scanned. The answer is the verdict: allow, hold (publish
// nothing until reviewed) or refuse (known terrorist or CSAM image). A hold or refuse holds the item and
// enqueues the automated report that opens or joins its case, in the same transaction (as the reference
// platform's publishing does). Only what moderation needs is stored: metadata, text and each media
// item's hashes, mime, size and URL — never the bytes. Media sent only by URL is fetched (media-fetch.ts:
// guarded against private addresses, size- and time-limited) and scanned the same way; when it cannot be
// fetched it is kept as a link, unscanned, with a `media_unavailable` signal.
import { detectLanguageOf } from '../shared/language.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/db-errors.ts';
import type { ConnectedContentTable, ConnectedMediaTable, ContentVerdict } from '../db/schema-connected.ts';
import { EnforcementRepository } from '../enforcement/enforcement.repository.ts';
import { AppError, badRequest, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/time.ts';
import { ConnectedContentRepository } from '../subjects/connected-content.repository.ts';
import { isPublicKind, KIND_NOUN, PRIVATE_KINDS, type PublicSubjectKind } from '../subjects/kinds.ts';
import { normaliseUrl } from '../subjects/subject-link.ts';
import type { DecodePool } from './decode-pool.ts';
import type { MediaFetcher } from './media-fetch.ts';
import { IMAGE_TYPES, sniffUpload } from './media-type.ts';
import type { HoldTarget } from './publish-scan.ts';
import type { SubjectRef } from '../subjects/platform-port.ts';
import type { ContentScanner, MediaDigests, PublicSignal } from './scanner.ts';
import type { TextItem } from './text/rules.ts';

/** Sizes a registration may have; the request's JSON body is bounded by `contentBodyLimit`. */
export const CONTENT_LIMITS = {
  idLength: 64,
  urlLength: 2048,
  ownerIdLength: 64,
  titleLength: 256,
  textLength: 10_000,
  mediaItems: 10,
  mimeLength: 100,
} as const;

/** The body limit of POST /api/v1/content: two files of the upload limit in base64, plus the rest. */
export const contentBodyLimit = (maxUploadBytes: number): number => Math.ceil((2 * maxUploadBytes * 4) / 3) + 256 * 1024;

export interface ContentMediaInput {
  url?: string;
  contentBase64?: string;
  mime?: string;
}

export interface ContentInput {
  kind: string;
  id: string;
  url: string;
  ownerId?: string;
  reach?: number;
  title?: string;
  text?: string;
  channelId?: string;
  media?: ContentMediaInput[];
}

export type ContentSignal =
  | { type: 'hash_match'; media: number; category: string; match: string }
  | { type: 'scan_timeout' }
  /** Media given only by URL that Vigil could not fetch, so did not scan. */
  | { type: 'media_unavailable'; media: number; reason: string };

export interface ContentView {
  platform: string;
  kind: PublicSubjectKind;
  id: string;
  vigilId: string;
  url: string;
  ownerId: string | null;
  reach: number;
  title: string;
  text: string;
  channelId: string | null;
  media: Array<{ id: string; position: number; url: string | null; mime: string; size: number; sha256: string | null; md5: string | null; scanned: boolean }>;
  verdict: ContentVerdict;
  signals: ContentSignal[];
  /** Active enforcement on the item (and, for a post, on its channel): held, removed, blocked, restricted. */
  actions: string[];
  createdAt: string;
  updatedAt: string;
}

const RANK: Record<ContentVerdict, number> = { allow: 0, hold: 1, refuse: 2 };
const field = (name: string, code: string, message: string) => badRequest(code, message, [{ field: name, message }]);

function decodeBase64(s: string, index: number, maxBytes: number): Buffer {
  const name = `media.${index}.contentBase64`;
  const body = s.replace(/={1,2}$/, '');
  if (s.length % 4 !== 0 || /[^A-Za-z0-9+/]/.test(body)) throw field(name, 'invalid_base64', `"${name}" is not standard padded base64.`);
  const bytes = (s.length / 4) * 3 - (s.length - body.length);
  if (bytes > maxBytes) throw new AppError(413, 'media_too_large', `Media ${index} is ${bytes} bytes; at most ${maxBytes} bytes are accepted per item.`);
  if (bytes === 0) throw field(name, 'empty_media', `"${name}" is empty.`);
  return Buffer.from(s, 'base64');
}

export class ContentRegistrationService {
  #db: Db;
  #scanner: ContentScanner;
  #pool: DecodePool;
  #limits: { maxUploadBytes: number; maxImagePixels: number };
  #fetcher: MediaFetcher | undefined;
  constructor(db: Db, scanner: ContentScanner, pool: DecodePool, limits: { maxUploadBytes: number; maxImagePixels: number }, fetcher?: MediaFetcher) {
    this.#db = db;
    this.#scanner = scanner;
    this.#pool = pool;
    this.#limits = limits;
    this.#fetcher = fetcher;
  }

  /** Creates or updates the item; `created` tells which. Retried once when a concurrent first registration of the same id won. */
  async register(platform: string, input: ContentInput): Promise<{ created: boolean; view: ContentView }> {
    try {
      return await this.#register(platform, input);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      return this.#register(platform, input);
    }
  }

  async #register(platform: string, input: ContentInput): Promise<{ created: boolean; view: ContentView }> {
    const kind = checkKind(input.kind);
    const urlKey = normaliseUrl(input.url);
    if (!urlKey) throw field('url', 'invalid_url', '"url" must be the public http(s) URL of the content.');
    if (kind === 'post' && !input.channelId)
      throw field('channelId', 'channel_required', 'A post needs "channelId": the platform id of its channel, registered first.');
    if (kind !== 'post' && input.channelId !== undefined) throw field('channelId', 'invalid_request', 'Only a post has a "channelId".');
    const media = (input.media ?? []).map((m, i) => {
      if (m.url === undefined && m.contentBase64 === undefined)
        throw field(`media.${i}`, 'empty_media', `Media ${i} needs "contentBase64" (to be scanned) or "url".`);
      if (m.url !== undefined && !normaliseUrl(m.url)) throw field(`media.${i}.url`, 'invalid_url', `"media.${i}.url" must be an http(s) URL.`);
      return {
        url: m.url?.trim() ?? null,
        mime: m.mime,
        bytes: m.contentBase64 === undefined ? undefined : decodeBase64(m.contentBase64, i, this.#limits.maxUploadBytes),
      };
    });

    // Media given only by URL is fetched (guarded, in parallel) and then scanned like bytes; what cannot be
    // fetched is kept as a link and said in the signals.
    const unavailable: Array<{ media: number; reason: string }> = [];
    if (this.#fetcher) {
      const fetcher = this.#fetcher;
      await Promise.all(
        media.map(async (m, i) => {
          if (m.bytes || !m.url) return;
          const got = await fetcher.fetch(m.url);
          if (got.ok) m.bytes = got.bytes;
          else unavailable.push({ media: i, reason: got.reason.slice(0, 200) });
        }),
      );
    }

    const repo = new ConnectedContentRepository(this.#db);
    const existing = await repo.findByExternal(platform, kind, input.id);
    const channel = kind === 'post' && input.channelId ? await repo.findByExternal(platform, 'channel', input.channelId) : undefined;
    if (kind === 'post' && (!channel || channel.deleted_at)) {
      throw field('channelId', 'unknown_channel', `No live channel "${input.channelId}" of this platform is registered: register the channel first.`);
    }
    const id = existing?.id ?? newId('cnt');
    const at = nowIso();

    // Decode and hash off the event loop; media already on the item (same SHA-256) keeps its id and is not scanned again.
    const prior = new Map((existing ? await repo.media([id]) : []).filter((m) => m.sha256 !== null).map((m) => [m.sha256 as string, m]));
    const rows: ConnectedMediaTable[] = [];
    const fresh: Array<{ mediaId: string } & MediaDigests> = [];
    for (const [position, m] of media.entries()) {
      const base = { content_id: id, position, url: m.url, created_at: at };
      if (!m.bytes) {
        rows.push({
          ...base,
          id: newId('cmd'),
          mime: m.mime ?? 'application/octet-stream',
          size: 0,
          width: null,
          height: null,
          sha256: null,
          md5: null,
          pdq: null,
          pdq_quality: null,
        });
        continue;
      }
      const mime = await sniffUpload(m.bytes);
      const facts = await this.#pool.upload(m.bytes, IMAGE_TYPES.has(mime), this.#limits.maxImagePixels);
      const known = prior.get(facts.sha256);
      prior.delete(facts.sha256);
      const row: ConnectedMediaTable = {
        ...base,
        id: known?.id ?? newId('cmd'),
        created_at: known?.created_at ?? at,
        mime,
        size: m.bytes.length,
        width: facts.image?.width ?? null,
        height: facts.image?.height ?? null,
        sha256: facts.sha256,
        md5: facts.md5,
        pdq: facts.image?.pdq.hash ?? null,
        pdq_quality: facts.image?.pdq.quality ?? null,
      };
      rows.push(row);
      if (!known) fresh.push({ mediaId: row.id, pdq: facts.image?.pdq, md5: facts.md5, sha256: facts.sha256 });
    }
    const scan = await this.#scanner.scanHashes(fresh, 'connected_content');
    const position = new Map(rows.map((r) => [r.id, r.position]));
    const scanVerdict: ContentVerdict = scan.verdict === 'block' ? 'refuse' : scan.verdict;
    const scanSignals = [
      ...this.#scanner
        .signalsOf(scan)
        .map(
          (s: PublicSignal): ContentSignal =>
            s.type === 'scan_timeout' ? s : { type: 'hash_match', media: position.get(s.mediaId) ?? -1, category: s.category, match: s.match },
        ),
      ...unavailable.sort((a, b) => a.media - b.media).map((u): ContentSignal => ({ type: 'media_unavailable', ...u })),
    ];

    const language = detectLanguageOf(input.title, input.text);
    const { stored: row, signalled } = await this.#db.transaction().execute(async (trx) => {
      const r = new ConnectedContentRepository(trx);
      const enforcement = new EnforcementRepository(trx);
      // A hold still standing from an earlier registration keeps its verdict until a person releases it.
      const heldBefore = existing ? (await enforcement.activeFor([{ kind, id }])).some((a) => a.code === 'held') : false;
      const before: ContentVerdict = heldBefore && existing ? (existing.verdict === 'allow' ? 'hold' : existing.verdict) : 'allow';
      const verdict = RANK[scanVerdict] > RANK[before] ? scanVerdict : before;
      const signals = [...(before !== 'allow' && existing ? (JSON.parse(existing.signals) as ContentSignal[]) : []), ...scanSignals];
      const fields = {
        url: input.url.trim(),
        url_key: urlKey,
        channel_id: channel?.id ?? null,
        owner_id: input.ownerId ?? null,
        reach: input.reach ?? 0,
        title: input.title ?? '',
        text: input.text ?? '',
        language,
        verdict,
        signals: JSON.stringify(signals),
        updated_at: at,
        deleted_at: null,
      };
      let stored: ConnectedContentTable;
      if (existing) {
        const seq = kind === 'post' && existing.channel_id !== fields.channel_id && channel ? await r.nextSeq(channel.id) : existing.seq;
        stored = { ...existing, ...fields, seq };
        await r.update(id, { ...fields, seq });
      } else {
        stored = { id, platform, kind, external_id: input.id, seq: channel ? await r.nextSeq(channel.id) : 0, created_at: at, ...fields };
        await r.insert(stored);
      }
      await r.replaceMedia(id, rows);
      const target = holdTarget(platform, stored, channel);
      if (scan.verdict !== 'allow') await this.#scanner.hold(trx, scan, target);
      // Text rules read the item's texts when they are new or changed (a job, in this transaction).
      const textChanged = !existing || existing.title !== stored.title || existing.text !== stored.text;
      const signalled =
        textChanged &&
        (await this.#scanner.signalText(
          trx,
          {
            subject: target.hold,
            caseSubject: target.caseSubject,
            caseSubjectId: target.caseSubjectId,
            postId: target.postId,
            platform,
            ownerId: ownerOf(platform, stored.kind === 'post' && channel ? channel.owner_id : stored.owner_id),
            media: rows.flatMap((m) => (m.sha256 ? [m.sha256] : [])),
            language: stored.language ?? null,
          },
          { fields: textFields(stored), reach: stored.reach, media: { count: rows.length, matched: scanSignals.some((s) => s.type === 'hash_match') } },
        ));
      return { stored, signalled };
    });
    if (scan.verdict !== 'allow' || signalled) this.#scanner.committed();
    return { created: !existing, view: await this.#view(this.#db, row) };
  }

  async get(platform: string, kind: string, externalId: string): Promise<ContentView> {
    return this.#view(this.#db, await this.#live(this.#db, platform, kind, externalId));
  }

  /** Soft: open cases keep the item (their snapshot says it was deleted) and its hashes, so a decision can still bank them. */
  async remove(platform: string, kind: string, externalId: string): Promise<void> {
    const item = await this.#live(this.#db, platform, kind, externalId);
    const at = nowIso();
    await new ConnectedContentRepository(this.#db).update(item.id, { deleted_at: at, updated_at: at });
  }

  async #live(db: Db, platform: string, kind: string, externalId: string): Promise<ConnectedContentTable> {
    const k = checkKind(kind);
    const item = await new ConnectedContentRepository(db).findByExternal(platform, k, externalId);
    if (!item || item.deleted_at) throw notFound(`The ${KIND_NOUN[k]} "${externalId}" of platform "${platform}"`);
    return item;
  }

  async #view(db: Db, c: ConnectedContentTable): Promise<ContentView> {
    const repo = new ConnectedContentRepository(db);
    const [media, channel] = await Promise.all([repo.media([c.id]), c.channel_id ? repo.findById(c.channel_id) : Promise.resolve(undefined)]);
    const subjects: SubjectRef[] = [{ kind: c.kind, id: c.id }, ...(channel ? [{ kind: 'channel' as const, id: channel.id }] : [])];
    const active = await new EnforcementRepository(db).activeFor(subjects);
    return {
      platform: c.platform,
      kind: c.kind,
      id: c.external_id,
      vigilId: c.id,
      url: c.url,
      ownerId: c.owner_id,
      reach: c.reach,
      title: c.title,
      text: c.text,
      channelId: channel?.external_id ?? null,
      media: media.map((m) => ({
        id: m.id,
        position: m.position,
        url: m.url,
        mime: m.mime,
        size: m.size,
        sha256: m.sha256,
        md5: m.md5,
        scanned: m.sha256 !== null,
      })),
      verdict: c.verdict,
      signals: JSON.parse(c.signals) as ContentSignal[],
      actions: [...new Set(active.filter((a) => subjects.some((s) => s.kind === a.subject_kind && s.id === a.subject_id)).map((a) => a.code))].sort(),
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    };
  }
}

function checkKind(kind: string): PublicSubjectKind {
  if ((PRIVATE_KINDS as readonly string[]).includes(kind)) {
    throw field(
      'kind',
      'private_kind',
      `A ${kind} is private: its content is never sent to Vigil. Reports about one name it as {platform, kind, id} and are declined as out of scope.`,
    );
  }
  if (!isPublicKind(kind)) throw field('kind', 'invalid_kind', 'The kind must be one of channel, post, bot, sticker_set.');
  return kind;
}

/** A registered item's texts under the rules' field names. */
function textFields(item: ConnectedContentTable): TextItem['fields'] {
  switch (item.kind) {
    case 'post':
      return { post_text: item.text };
    case 'channel':
      return { channel_title: item.title, channel_description: item.text };
    case 'bot':
      return { bot_name: `${item.title} ${item.text}`.trim() };
    default:
      return { sticker_set_name: `${item.title} ${item.text}`.trim() };
  }
}

/** What is held, and the subject (by the platform's own id) whose case the automated report opens or joins. */
/** An owner as cases name a connected platform's owners. */
const ownerOf = (platform: string, owner: string | null): string | undefined => (owner === null ? undefined : `${platform}:${owner}`);

function holdTarget(platform: string, item: ConnectedContentTable, channel: ConnectedContentTable | undefined): HoldTarget {
  // One item may be held more than once (updated with new media): each hold files its own report.
  const key = `automated_report:${platform}:${item.kind}:${item.id}:${newId('hold')}`;
  if (item.kind === 'post' && channel) {
    return {
      hold: { kind: 'post', id: item.id },
      caseSubject: { kind: 'channel', id: channel.external_id },
      caseSubjectId: channel.id,
      postId: item.id,
      platform,
      key,
    };
  }
  const kind = item.kind === 'post' ? 'channel' : item.kind;
  return { hold: { kind: item.kind, id: item.id }, caseSubject: { kind, id: item.external_id }, caseSubjectId: item.id, platform, key };
}
