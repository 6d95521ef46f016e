// Content-addressed blob store under the data dir: one file per distinct SHA-256.
import { mkdir, open, readFile, rename, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DIR_MODE, FILE_MODE } from '../shared/data-dir.ts';

export class MediaStore {
  #root: string;
  constructor(dataDir: string) {
    this.#root = path.join(dataDir, 'media');
  }

  #pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid sha256');
    return path.join(this.#root, sha256.slice(0, 2), sha256);
  }

  /** Writes atomically (temp file + rename) so a crash never leaves a half-written blob under its hash. */
  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    const file = this.#pathOf(sha256);
    try {
      await access(file);
      return;
    } catch {
      /* not stored yet */
    }
    await mkdir(path.dirname(file), { recursive: true, mode: DIR_MODE });
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, bytes, { mode: FILE_MODE });
    await rename(tmp, file);
  }

  get(sha256: string): Promise<Buffer> {
    return readFile(this.#pathOf(sha256));
  }

  /** At most the first `maxBytes` of a blob, read without loading the rest. */
  async head(sha256: string, maxBytes: number): Promise<Buffer> {
    const file = await open(this.#pathOf(sha256), 'r');
    try {
      const buf = Buffer.alloc(maxBytes);
      const { bytesRead } = await file.read(buf, 0, maxBytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }
}
