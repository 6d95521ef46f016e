// The matcher's snapshot file, `<dataDir>/matcher.snapshot`: the typed arrays of a MatcherState
// (matcher-state.ts) with the change-feed position they reflect, so that a start reads arrays from a
// file instead of rebuilding the index from every row. It is written by a child process
// (matcher-snapshot-build.ts) and read by the server (matcher-start.ts).
//
// Layout (little-endian, every part padded to 8 bytes so each array could be viewed in place):
//   0  magic "VIGILMSN" | 8 format version (u32) | 12 header length (u32) | 16 CRC-32 (u32) | 20 zero
//   24 header: JSON (seq, maxDistance, the database's identity, banks, PDQ scalars, the section list)
//   then each section's bytes, in the header's order.
// The CRC-32 (node:zlib, ~1 GB/s) covers the header and the sections' bytes, not the padding.
//
// Each section is read into an array of its own (the PDQ hashes into a SharedArrayBuffer, as the merge
// workers need) rather than viewed in one buffer of the whole file: a merge later replaces one slot's
// postings at a time, and a view would keep the whole file's buffer alive. Either way the bytes are off
// V8's heap and no entry becomes a JavaScript object.
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readdirSync, readSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { sql } from 'kysely';
import type { Db, DialectName } from '../db/database.ts';
import type { MatcherState } from './matcher-state.ts';
import { PDQ_SLOTS } from './match/pdq-bits.ts';
import { errorCode, errorMessage } from '../shared/property-of.ts';

export const SNAPSHOT_FILE = 'matcher.snapshot';
export const SNAPSHOT_VERSION = 1;
const MAGIC = 'VIGILMSN';
const PREFIX = 24;
const CHUNK = 64 * 1024 * 1024;
const DATABASE_ID = 'database_id';

export function snapshotPath(dataDir: string): string {
  return path.join(dataDir, SNAPSHOT_FILE);
}

type Kind = 'u8' | 'u32' | 'i32';
interface Section {
  name: string;
  kind: Kind;
  bytes: number;
}
interface Header {
  seq: number;
  maxDistance: number;
  identity: string;
  size: number;
  banks: MatcherState['banks'];
  pdq: { count: number; built: number; slotsSize: number; postings: { entryBits: number; tagMask: number } | null };
  sections: Section[];
}

/**
 * Which database a snapshot was built from: the SQLite file's path, or PostgreSQL's system identifier and
 * database name, with a random id kept in `counters` (created once; `create` false only reads it).
 */
export async function databaseIdentity(db: Db, dialect: DialectName, dataDir: string, create: boolean): Promise<string> {
  if (create) {
    await db
      .insertInto('counters')
      .values({ name: DATABASE_ID, value: randomInt(1, 2 ** 31 - 1) })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
  }
  const row = await db.selectFrom('counters').select('value').where('name', '=', DATABASE_ID).executeTakeFirst();
  const id = row?.value ?? 'none';
  if (dialect === 'sqlite') {
    const file = path.join(dataDir, 'vigil.sqlite');
    return `sqlite:${existsSync(file) ? realpathSync(file) : path.resolve(file)}#${id}`;
  }
  const name = (await sql<{ name: string }>`select current_database() as name`.execute(db)).rows[0]?.name;
  let system = '';
  try {
    system = (await sql<{ id: string }>`select system_identifier::text as id from pg_control_system()`.execute(db)).rows[0]?.id ?? '';
  } catch {
    // Not every role may read pg_control_system(): the name and the random id still tell databases apart.
  }
  return `postgres:${system}/${name}#${id}`;
}

function sectionsOf(state: MatcherState): Array<{ name: string; kind: Kind; array: Uint8Array | Uint32Array | Int32Array }> {
  const out: Array<{ name: string; kind: Kind; array: Uint8Array | Uint32Array | Int32Array }> = [
    { name: 'entries', kind: 'u32', array: state.entries },
    { name: 'pdq.words', kind: 'u32', array: state.pdq.words },
    { name: 'pdq.ids', kind: 'i32', array: state.pdq.slots.ids },
    { name: 'pdq.table', kind: 'i32', array: state.pdq.slots.table },
  ];
  const p = state.pdq.postings;
  if (p !== null) {
    for (let i = 0; i < p.offsets.length; i++) {
      out.push(
        { name: `pdq.offsets.${i}`, kind: 'u32', array: p.offsets[i] },
        { name: `pdq.entries.${i}`, kind: 'u32', array: p.entries[i] },
        { name: `pdq.tags.${i}`, kind: 'u8', array: p.tagExtensions[i] },
      );
    }
  }
  for (const type of ['md5', 'sha256'] as const) {
    out.push({ name: `${type}.nums`, kind: 'u32', array: state.exact[type].nums }, { name: `${type}.digests`, kind: 'u8', array: state.exact[type].digests });
  }
  return out;
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;
const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function writeAll(fd: number, bytes: Uint8Array, position: number): number {
  for (let done = 0; done < bytes.length; ) {
    const n = Math.min(CHUNK, bytes.length - done);
    done += writeSync(fd, bytes, done, n, position + done);
  }
  return position + bytes.length;
}

/**
 * Writes `state` atomically: a temporary file in the same directory, fsync, rename over the snapshot,
 * fsync of the directory. Returns the file's size.
 */
export function writeSnapshot(file: string, state: MatcherState, identity: string): number {
  const sections = sectionsOf(state);
  const p = state.pdq.postings;
  const header: Header = {
    seq: state.seq,
    maxDistance: state.pdq.maxDistance,
    identity,
    size: state.size,
    banks: state.banks,
    pdq: { count: state.pdq.count, built: state.pdq.built, slotsSize: state.pdq.slots.size, postings: p && { entryBits: p.entryBits, tagMask: p.tagMask } },
    sections: sections.map((s) => ({ name: s.name, kind: s.kind, bytes: s.array.byteLength })),
  };
  const json = Buffer.from(JSON.stringify(header));
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    let at = writeAll(fd, new Uint8Array(PREFIX), 0);
    let crc = crc32(json);
    at = writeAll(fd, json, at);
    at = writeAll(fd, new Uint8Array(pad8(json.length)), at);
    for (const s of sections) {
      const bytes = bytesOf(s.array);
      for (let i = 0; i < bytes.length; i += CHUNK) crc = crc32(bytes.subarray(i, i + CHUNK), crc);
      at = writeAll(fd, bytes, at);
      at = writeAll(fd, new Uint8Array(pad8(bytes.length)), at);
    }
    const prefix = Buffer.alloc(PREFIX);
    prefix.write(MAGIC, 0, 'latin1');
    prefix.writeUInt32LE(SNAPSHOT_VERSION, 8);
    prefix.writeUInt32LE(json.length, 12);
    prefix.writeUInt32LE(crc, 16);
    writeAll(fd, prefix, 0);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
    const dir = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return at;
  } catch (err) {
    try {
      closeSync(fd);
    } catch {}
    try {
      unlinkSync(tmp);
    } catch {}
    throw err;
  }
}

/** Removes temporary files left by a writer that died before its rename (their process is gone). */
export function removeStaleTemporaries(file: string): string[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const m = name.startsWith(prefix) && name.endsWith('.tmp') ? /^(\d+)\./.exec(name.slice(prefix.length)) : null;
    if (m === null || isRunning(Number(m[1]))) continue;
    try {
      unlinkSync(path.join(dir, name));
      removed.push(name);
    } catch {}
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

export interface SnapshotExpectations {
  identity: string;
  maxDistance: number;
  /** The database's last change number: a snapshot ahead of it belongs to a database restored since. */
  lastSeq?: number;
  /** Only a snapshot that reflects exactly this change (checked before the body is read). */
  exactSeq?: number;
}
export type SnapshotRead = { ok: true; state: MatcherState; bytes: number } | { ok: false; reason: string };

/** Reads a snapshot if it is usable; otherwise says why not (missing, other version, corrupt, other database…). */
export function readSnapshot(file: string, expect: SnapshotExpectations): SnapshotRead {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    return { ok: false, reason: errorCode(err) === 'ENOENT' ? 'no snapshot' : `unreadable: ${errorMessage(err)}` };
  }
  try {
    return readOpen(fd, expect);
  } catch (err) {
    return { ok: false, reason: `unreadable: ${errorMessage(err)}` };
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, into: Uint8Array, position: number): boolean {
  for (let done = 0; done < into.length; ) {
    const n = readSync(fd, into, done, Math.min(CHUNK, into.length - done), position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

function readOpen(fd: number, expect: SnapshotExpectations): SnapshotRead {
  const size = fstatSync(fd).size;
  const prefix = Buffer.alloc(PREFIX);
  if (size < PREFIX || !readFully(fd, prefix, 0)) return { ok: false, reason: `truncated: ${size} bytes` };
  if (prefix.toString('latin1', 0, 8) !== MAGIC) return { ok: false, reason: 'not a matcher snapshot' };
  const version = prefix.readUInt32LE(8);
  if (version !== SNAPSHOT_VERSION) return { ok: false, reason: `format version ${version}, this server reads ${SNAPSHOT_VERSION}` };
  const jsonLength = prefix.readUInt32LE(12);
  const expectedCrc = prefix.readUInt32LE(16);
  if (PREFIX + jsonLength > size) return { ok: false, reason: `truncated: ${size} bytes` };
  const json = Buffer.alloc(jsonLength);
  readFully(fd, json, PREFIX);
  let header: Header;
  try {
    header = JSON.parse(json.toString('utf8')); // checked field by field below
  } catch {
    return { ok: false, reason: 'corrupt header' };
  }
  let total = PREFIX + jsonLength + pad8(jsonLength);
  for (const s of header.sections ?? []) total += s.bytes + pad8(s.bytes);
  if (total !== size) return { ok: false, reason: total > size ? `truncated: ${size} of ${total} bytes` : `corrupt: ${size - total} bytes too many` };
  if (header.identity !== expect.identity) return { ok: false, reason: `of another database (${header.identity}, this is ${expect.identity})` };
  if (header.maxDistance !== expect.maxDistance) return { ok: false, reason: `built for match distance ${header.maxDistance}, not ${expect.maxDistance}` };
  if (expect.lastSeq !== undefined && header.seq > expect.lastSeq) {
    return { ok: false, reason: `reflects change ${header.seq} but the database's feed ends at ${expect.lastSeq} (restored from a backup?)` };
  }
  if (expect.exactSeq !== undefined && header.seq !== expect.exactSeq) return { ok: false, reason: `reflects change ${header.seq}, not ${expect.exactSeq}` };
  let crc = crc32(json);
  let at = PREFIX + jsonLength + pad8(jsonLength);
  const arrays = new Map<string, Uint8Array | Uint32Array | Int32Array>();
  for (const s of header.sections) {
    const unit = s.kind === 'u8' ? 1 : 4;
    if (s.bytes % unit !== 0) return { ok: false, reason: `corrupt section ${s.name}` };
    const buffer = s.name === 'pdq.words' ? new SharedArrayBuffer(s.bytes) : new ArrayBuffer(s.bytes);
    const bytes = new Uint8Array(buffer);
    if (!readFully(fd, bytes, at)) return { ok: false, reason: `truncated in section ${s.name}` };
    for (let i = 0; i < bytes.length; i += CHUNK) crc = crc32(bytes.subarray(i, i + CHUNK), crc);
    arrays.set(s.name, s.kind === 'u8' ? bytes : s.kind === 'u32' ? new Uint32Array(buffer) : new Int32Array(buffer));
    at += s.bytes + pad8(s.bytes);
  }
  if (crc !== expectedCrc) return { ok: false, reason: 'checksum mismatch (corrupt)' };
  const get = <T>(name: string) => {
    const a = arrays.get(name);
    if (a === undefined) throw new Error(`section ${name} missing`);
    return a as T; // each section's array kind is fixed by the format (the writer's sections above)
  };
  const pp = header.pdq.postings;
  const slot = Array.from({ length: pp === null ? 0 : PDQ_SLOTS }, (_, i) => i);
  const state: MatcherState = {
    seq: header.seq,
    banks: header.banks,
    entries: get<Uint32Array<ArrayBuffer>>('entries'),
    size: header.size,
    pdq: {
      maxDistance: header.maxDistance,
      words: get<Uint32Array>('pdq.words'),
      count: header.pdq.count,
      built: header.pdq.built,
      slots: { ids: get<Int32Array<ArrayBuffer>>('pdq.ids'), table: get<Int32Array<ArrayBuffer>>('pdq.table'), size: header.pdq.slotsSize },
      postings:
        pp === null
          ? null
          : {
              offsets: slot.map((i) => get<Uint32Array>(`pdq.offsets.${i}`)),
              entries: slot.map((i) => get<Uint32Array>(`pdq.entries.${i}`)),
              tagExtensions: slot.map((i) => get<Uint8Array>(`pdq.tags.${i}`)),
              entryBits: pp.entryBits,
              tagMask: pp.tagMask,
            },
    },
    exact: {
      md5: { nums: get<Uint32Array<ArrayBuffer>>('md5.nums'), digests: get<Uint8Array<ArrayBuffer>>('md5.digests') },
      sha256: { nums: get<Uint32Array<ArrayBuffer>>('sha256.nums'), digests: get<Uint8Array<ArrayBuffer>>('sha256.digests') },
    },
  };
  return { ok: true, state, bytes: size };
}
