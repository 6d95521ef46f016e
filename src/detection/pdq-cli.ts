// `vigil pdq FILE…`: one `hash,quality,filename` line per image, the output format of the
// reference tool (pdq-photo-hasher), but hashing at full resolution where that tool first
// resizes to 512×512; the hashes are those of the reference libraries (Python, Java).

import { readFile } from 'node:fs/promises';
import { pdqHashFile } from './pdq-decode.ts';
import { errorCode, errorMessage } from '../shared/property-of.ts';

/**
 * Hashes each file in turn. A file that cannot be read or decoded gets a message on `err`
 * (stderr by default) and the others are still hashed. Returns the exit code: 0 if every file
 * was hashed, 1 if any failed, 2 if no file was given.
 */
export async function pdqCommand(
  files: string[],
  out: (line: string) => void,
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  if (files.length === 0) {
    err('pdq: no files given');
    return 2;
  }
  let failures = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      failures++;
      err(`pdq: ${file}: cannot read file (${String(errorCode(e) ?? errorMessage(e))})`);
      continue;
    }
    try {
      const { hash, quality } = await pdqHashFile(bytes);
      out(`${hash},${quality},${file}`);
    } catch (e) {
      failures++;
      err(`pdq: ${file}: not a decodable image (${errorMessage(e).split('\n')[0]})`);
    }
  }
  return failures === 0 ? 0 : 1;
}
