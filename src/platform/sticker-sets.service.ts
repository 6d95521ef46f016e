import { detectLanguageOf } from '../shared/language.ts';
import type { Db } from '../db/database.ts';
import type { StickerSetsTable } from '../db/schema.ts';
import { badRequest, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/time.ts';
import type { Viewer, VisibilityService } from '../enforcement/visibility.ts';
import { StickerSetsRepository } from './sticker-sets.repository.ts';
import { claimPublicName } from './public-names.ts';
import { validateHandle } from './handles.ts';
import { mediaView, type MediaService, type MediaView } from './media.service.ts';
import { unavailable } from './unavailable.ts';
import { noScanning, publishScanned, type PublishScanner } from '../detection/publish-scan.ts';

export interface StickerSetView {
  id: string;
  name: string;
  title: string;
  stickers: MediaView[];
  link: string;
  createdAt: string;
  held?: boolean;
}

export class StickerSetsService {
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

  async create(ownerId: string, input: { name: string; title: string; stickers: string[] }): Promise<StickerSetView> {
    const name = validateHandle(input.name, 'name');
    const title = input.title.trim();
    if (title === '') throw badRequest('invalid_title', 'The title must not be blank.', [{ field: 'title', message: 'blank' }]);
    const media = await this.#media.requireOwned(ownerId, input.stickers, { imagesOnly: true, field: 'stickers' });
    const row: StickerSetsTable = {
      id: newId('sset'),
      name,
      name_lower: name.toLowerCase(),
      title,
      owner_id: ownerId,
      created_at: nowIso(),
      language: detectLanguageOf(title),
    };
    const { held } = await publishScanned(
      this.#db,
      this.#scanner,
      media,
      'sticker_set',
      {
        hold: { kind: 'sticker_set', id: row.id },
        caseSubject: { kind: 'sticker_set', id: row.id },
        what: 'This sticker set',
        ownerId,
        language: row.language ?? null,
        text: { fields: { sticker_set_name: `${row.name} ${row.title}` } },
      },
      async (trx) => {
        await claimPublicName(trx, name, 'sticker_set', row.id, 'name');
        await new StickerSetsRepository(trx).insert(
          row,
          media.map((m) => m.id),
        );
      },
    );
    return { ...this.#view(row, media.map(mediaView)), ...(held ? { held: true } : {}) };
  }

  #view(s: StickerSetsTable, stickers: MediaView[]): StickerSetView {
    return { id: s.id, name: s.name, title: s.title, stickers, link: `/stickers/${s.name}`, createdAt: s.created_at };
  }

  async findRaw(name: string): Promise<StickerSetsTable> {
    const s = await new StickerSetsRepository(this.#db).findByName(name);
    if (!s) throw notFound('Sticker set');
    return s;
  }

  async getVisible(name: string, viewer: Viewer): Promise<StickerSetView> {
    const s = await this.findRaw(name);
    const v = await this.#visibility.check({ kind: 'sticker_set', id: s.id }, viewer);
    if (!v.visible) throw unavailable(v.notice, 'sticker_set');
    const stickers = await new StickerSetsRepository(this.#db).stickers(s.id);
    return this.#view(s, stickers.map(mediaView));
  }
}
