// The rule files as admins edit them: each file's text with a version (the SHA-256 of its bytes, so a save
// names the text it was edited from), a state change written into the file itself, and an atomic write
// (a temporary file renamed over the old one, so a crash or a reader never sees half a file).
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { notFound } from '../../shared/errors.ts';
import { isRuleFileName } from './rule-set.ts';
import type { RuleState } from './rule-schema.ts';

export const versionOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface RuleFileSource {
  name: string;
  text: string;
  version: string;
}

/** A rule file's text and version; 404 for a name that is not a rule file of the folder. */
export async function readRuleFile(dir: string, name: string): Promise<RuleFileSource> {
  if (!isRuleFileName(name)) throw notFound('Rule file');
  let text: string;
  try {
    text = await readFile(join(dir, name), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('Rule file');
    throw err;
  }
  return { name, text, version: versionOf(text) };
}

/** Writes the file whole or not at all: a temporary file beside it, then a rename over it. */
export async function writeRuleFile(dir: string, name: string, text: string): Promise<void> {
  const file = join(dir, name);
  const tmp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { encoding: 'utf8', mode: 0o644 });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * The file's text with one rule's state changed, keeping everything else (comments and layout of YAML
 * files); null when no rule of that id is in the text.
 */
export function withRuleState(name: string, text: string, id: string, state: RuleState): string | null {
  if (/\.json$/i.test(name)) {
    const data: unknown = JSON.parse(text);
    const rules = typeof data === 'object' && data !== null && 'rules' in data && Array.isArray(data.rules) ? data.rules : [];
    const rule: unknown = rules.find((r: unknown) => typeof r === 'object' && r !== null && 'id' in r && r.id === id);
    if (typeof rule !== 'object' || rule === null) return null;
    Object.assign(rule, { state });
    return `${JSON.stringify(data, null, 2)}\n`;
  }
  const doc = parseDocument(text);
  const rules = doc.get('rules');
  if (!isSeq(rules)) return null;
  const rule = rules.items.find((r) => isMap(r) && r.get('id') === id);
  if (!isMap(rule)) return null;
  rule.set('state', state);
  return String(doc);
}
