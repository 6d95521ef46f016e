// The data directory holds the database, the media store and the server secret: only the server's
// own user may read it. Created 0700 with files 0600; a directory or file left looser by an earlier
// version (or by hand) is tightened at start.
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import { errorCode, errorMessage } from './property-of.ts';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** chmod when the mode is looser than wanted; a missing path is left alone. */
function tighten(p: string, mode: number): void {
  let current: number;
  try {
    current = statSync(p).mode & 0o777;
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return;
    throw err;
  }
  if ((current & ~mode) === 0) return;
  try {
    chmodSync(p, mode);
  } catch (err) {
    // A volume owned by someone else (a container mount) may refuse: say so rather than refuse to start.
    process.emitWarning(`could not restrict ${p} to mode ${mode.toString(8)}: ${errorMessage(err)}`, 'VigilDataDirWarning');
  }
}

export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
  tighten(dataDir, DIR_MODE);
  tighten(path.join(dataDir, 'media'), DIR_MODE);
}

/**
 * Creates the SQLite file 0600 before SQLite opens it: SQLite gives its -wal and -shm files the main
 * file's mode, so they follow. Files left by an earlier version are tightened.
 */
export function prepareSqliteFiles(file: string): void {
  closeSync(openSync(file, 'a', FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) tighten(f, FILE_MODE);
}
