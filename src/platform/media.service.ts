import { AppError, badRequest, forbidden, notFound } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/time.ts';
import { sniffUpload, IMAGE_TYPES } from '../detection/media-type.ts';
import type { MediaRepository } from './media.repository.ts';
import type { MediaStore } from './media-store.ts';
import type { MediaTable } from '../db/schema.ts';
import type { DecodePool } from '../detection/decode-pool.ts';
import type { MediaView } from '../subjects/platform-port.ts';

/** How long the PDQ hash of the upload's decode waits in memory for a public post to use it. */
const UPLOAD_PDQ_TTL_MS = 10 * 60 * 1000;
const UPLOAD_PDQ_MAX = 10_000;

export type { MediaView };

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
  #pool: DecodePool;
  /**
   * The PDQ hash each image upload's single decode produced, by media id, in memory only: a public post
   * made soon after uses it instead of decoding the file again, and the scanner stores it then. Private
   * media is never matched and its hash never stored; an entry goes after 10 minutes or when used.
   */
  #uploadPdq = new Map<string, { hash: string; quality: number; at: number }>();
  constructor(repo: MediaRepository, store: MediaStore, limits: { maxUploadBytes: number; maxImagePixels: number }, pool: DecodePool) {
    this.#repo = repo;
    this.#store = store;
    this.#limits = limits;
    this.#pool = pool;
  }

  /** `declared` is the type the uploader named; only a text type is heeded, and only for bytes that are text. */
  async upload(ownerId: string, bytes: Uint8Array, declared = ''): Promise<MediaView> {
    if (bytes.length > this.#limits.maxUploadBytes) {
      throw new AppError(413, 'payload_too_large', `The file is larger than ${this.#limits.maxUploadBytes} bytes.`);
    }
    const mime = await sniffUpload(bytes, declared);
    // Digests, the image checks and the PDQ hash all come from one pass in a decode worker.
    const facts = await this.#pool.upload(bytes, IMAGE_TYPES.has(mime), this.#limits.maxImagePixels);
    await this.#store.put(facts.sha256, bytes);
    const row: MediaTable = {
      id: newId('med'),
      owner_id: ownerId,
      sha256: facts.sha256,
      md5: facts.md5,
      mime,
      size: bytes.length,
      width: facts.image?.width ?? null,
      height: facts.image?.height ?? null,
      created_at: nowIso(),
    };
    await this.#repo.insert(row);
    if (facts.image) this.#keepUploadPdq(row.id, facts.image.pdq);
    return mediaView(row);
  }

  #keepUploadPdq(id: string, pdq: { hash: string; quality: number }): void {
    const now = Date.now();
    for (const [key, v] of this.#uploadPdq) {
      // Insertion order is age order: stop at the first entry still fresh once there is room.
      if (now - v.at < UPLOAD_PDQ_TTL_MS && this.#uploadPdq.size < UPLOAD_PDQ_MAX) break;
      this.#uploadPdq.delete(key);
    }
    this.#uploadPdq.set(id, { ...pdq, at: now });
  }

  /** The PDQ hash computed when this media was uploaded, if still held; it is given out once. */
  takeUploadPdq(id: string): { hash: string; quality: number } | undefined {
    const v = this.#uploadPdq.get(id);
    if (!v) return undefined;
    this.#uploadPdq.delete(id);
    if (Date.now() - v.at >= UPLOAD_PDQ_TTL_MS) return undefined;
    return { hash: v.hash, quality: v.quality };
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
