// The server secret: given by VIGIL_SECRET, or generated on first start and kept in <dataDir>/secret
// (mode 0600). Every process that shares a database must share it, since receipts and anonymous
// reporter keys are derived from it.
import { randomBytes } from 'node:crypto';
import { chmod, link, open, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ServerSecret } from './secrets.ts';
import { errorCode } from './property-of.ts';

export const MIN_SECRET_LENGTH = 32;

function fromText(text: string, where: string): ServerSecret {
  const value = text.trim();
  if (value.length < MIN_SECRET_LENGTH) {
    throw new Error(`${where} must hold at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`)`);
  }
  return new ServerSecret(Buffer.from(value, 'utf8'));
}

async function readSecretFile(file: string): Promise<ServerSecret> {
  const mode = (await stat(file)).mode & 0o777;
  if (mode & 0o077) await chmod(file, 0o600);
  return fromText(
    await readFile(file, 'utf8'),
    `${file} (the server secret; restore it from a backup, or delete it to start over, which invalidates issued receipts)`,
  );
}

/**
 * Loads the secret once at start. A new file is written in full under a temporary name and then linked
 * into place, which fails if the file exists: two processes starting at once both end up reading the
 * one that won, never a half-written file.
 */
export async function loadServerSecret(dataDir: string, configured?: string): Promise<ServerSecret> {
  if (configured !== undefined && configured !== '') return fromText(configured, 'VIGIL_SECRET');
  const file = path.join(dataDir, 'secret');
  try {
    return await readSecretFile(file);
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') throw err;
  }
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(`${randomBytes(32).toString('base64url')}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(tmp, file);
  } catch (err) {
    if (errorCode(err) !== 'EEXIST') throw err;
  } finally {
    await unlink(tmp);
  }
  return readSecretFile(file);
}
