import { createHash } from 'node:crypto';
import { AppError, badRequest, forbidden, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/time.ts';
import { inspectUpload, IMAGE_TYPES } from './media-inspect.ts';
import type { MediaRepository } from './media.repository.ts';
import type { MediaStore } from './media-store.ts';
import type { MediaTable } from '../db/schema.ts';

export interface MediaView {
  id: string;
  sha256: string;
  mime: string;
  size: number;
  width?: number;
  height?: number;
}

type MediaFields = Pick<MediaTable, 'id' | 'sha256' | 'mime' | 'size' | 'width' | 'height'>;

export const mediaView = (m: MediaFields): MediaView => ({
  id: m.id,
  sha256: m.sha256,
  mime: m.mime,
  size: m.size,
  ...(m.width !== null ? { width: m.width } : {}),
  ...(m.height !== null ? { height: m.height } : {}),
});

export class MediaService {
  #repo: MediaRepository;
  #store: MediaStore;
  #limits: { maxUploadBytes: number; maxImagePixels: number };
  constructor(repo: MediaRepository, store: MediaStore, limits: { maxUploadBytes: number; maxImagePixels: number }) {
    this.#repo = repo;
    this.#store = store;
    this.#limits = limits;
  }

  async upload(ownerId: string, bytes: Uint8Array): Promise<MediaView> {
    if (bytes.length > this.#limits.maxUploadBytes) {
      throw new AppError(413, 'payload_too_large', `The file is larger than ${this.#limits.maxUploadBytes} bytes.`);
    }
    const inspected = await inspectUpload(bytes, this.#limits.maxImagePixels);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const md5 = createHash('md5').update(bytes).digest('hex');
    await this.#store.put(sha256, bytes);
    const row: MediaTable = {
      id: newId('med'),
      owner_id: ownerId,
      sha256,
      md5,
      mime: inspected.mime,
      size: bytes.length,
      width: inspected.width ?? null,
      height: inspected.height ?? null,
      created_at: nowIso(),
    };
    await this.#repo.insert(row);
    return mediaView(row);
  }

  /** Media an account may attach: it must exist and be theirs (no attaching other people's uploads). */
  async requireOwned(ownerId: string, ids: string[], opts: { imagesOnly?: boolean; field: string }): Promise<MediaTable[]> {
    const unique = [...new Set(ids)];
    const rows = await this.#repo.findByIds(unique);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const m = byId.get(id);
      if (!m) throw badRequest('unknown_media', `Media "${id}" does not exist; upload it first.`, [{ field: opts.field, message: 'unknown media id' }]);
      if (m.owner_id !== ownerId) throw forbidden(`Media "${id}" belongs to another account.`);
      if (opts.imagesOnly && !IMAGE_TYPES.has(m.mime)) {
        throw badRequest('not_an_image', `Media "${id}" is ${m.mime}, not an image.`, [{ field: opts.field, message: 'must be an image' }]);
      }
      return m;
    });
  }

  async get(id: string): Promise<MediaTable> {
    const m = await this.#repo.findById(id);
    if (!m) throw notFound('Media');
    return m;
  }

  content(m: MediaTable): Promise<Buffer> {
    return this.#store.get(m.sha256);
  }
}
