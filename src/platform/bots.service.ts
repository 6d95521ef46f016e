import { detectLanguageOf } from '../shared/language.ts';
import type { Db } from '../db/database.ts';
import type { BotsTable } from '../db/schema.ts';
import { badRequest, forbidden, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { monotonicNowIso, nowIso } from '../shared/time.ts';
import type { Viewer, VisibilityService } from '../enforcement/visibility.ts';
import { BotsRepository } from './bots.repository.ts';
import { claimPublicName } from './public-names.ts';
import { validateHandle } from './handles.ts';
import type { MediaService } from './media.service.ts';
import { unavailable } from './unavailable.ts';
import { noScanning, publishScanned, type PublishScanner } from '../detection/publish-scan.ts';

export interface BotView {
  id: string;
  handle: string;
  description: string;
  pictureMediaId: string | null;
  link: string;
  createdAt: string;
  held?: boolean;
}

export interface BotMessageView {
  id: string;
  text: string;
  createdAt: string;
}

export const botView = (b: BotsTable): BotView => ({
  id: b.id,
  handle: b.handle,
  description: b.description,
  pictureMediaId: b.picture_media_id,
  link: `/bot/${b.handle}`,
  createdAt: b.created_at,
});

export class BotsService {
  #db: Db;
  #media: MediaService;
  #visibility: VisibilityService;
  #scanner: PublishScanner;
  constructor(db: Db, media: MediaService, visibility: VisibilityService, scanner: PublishScanner = noScanning) {
    this.#db = db;
    this.#media = media;
    this.#visibility = visibility;
    this.#scanner = scanner;
  }

  async create(ownerId: string, input: { handle: string; description?: string; picture?: string }): Promise<BotView> {
    const handle = validateHandle(input.handle);
    const picture = input.picture ? (await this.#media.requireOwned(ownerId, [input.picture], { imagesOnly: true, field: 'picture' }))[0] : undefined;
    const row: BotsTable = {
      id: newId('bot'),
      handle,
      handle_lower: handle.toLowerCase(),
      description: (input.description ?? '').trim(),
      picture_media_id: picture?.id ?? null,
      owner_id: ownerId,
      created_at: nowIso(),
    };
    row.language = detectLanguageOf(row.description);
    const { held } = await publishScanned(
      this.#db,
      this.#scanner,
      picture ? [picture] : [],
      'bot_picture',
      {
        hold: { kind: 'bot', id: row.id },
        caseSubject: { kind: 'bot', id: row.id },
        what: "This bot's picture",
        ownerId,
        language: row.language ?? null,
        text: { fields: { bot_name: `${row.handle} ${row.description}`.trim() } },
      },
      async (trx) => {
        await claimPublicName(trx, handle, 'bot', row.id, 'handle');
        await new BotsRepository(trx).insert(row);
      },
    );
    return { ...botView(row), ...(held ? { held: true } : {}) };
  }

  async findRaw(handle: string): Promise<BotsTable> {
    const b = await new BotsRepository(this.#db).findByHandle(handle);
    if (!b) throw notFound('Bot');
    return b;
  }

  async getVisible(handle: string, viewer: Viewer): Promise<BotsTable> {
    const b = await this.findRaw(handle);
    const v = await this.#visibility.check({ kind: 'bot', id: b.id }, viewer);
    if (!v.visible) throw unavailable(v.notice, 'bot');
    return b;
  }

  /** A bot publishes a public message on its page; a blocked or held bot can't (451 with its notice). */
  async postMessage(ownerId: string, handle: string, text: string, viewer: Viewer): Promise<BotMessageView> {
    const b = await this.getVisible(handle, viewer);
    if (b.owner_id !== ownerId) throw forbidden("Only the bot's owner can post as the bot.");
    const t = text.trim();
    if (t === '') throw badRequest('empty_message', 'A message needs text.', [{ field: 'text', message: 'blank' }]);
    const row = { id: newId('bmsg'), bot_id: b.id, text: t, created_at: monotonicNowIso() };
    await new BotsRepository(this.#db).insertMessage(row);
    return { id: row.id, text: row.text, createdAt: row.created_at };
  }

  async messages(handle: string, viewer: Viewer): Promise<BotMessageView[]> {
    const b = await this.getVisible(handle, viewer);
    return (await new BotsRepository(this.#db).recentMessages(b.id, 20)).map((m) => ({ id: m.id, text: m.text, createdAt: m.created_at }));
  }
}
