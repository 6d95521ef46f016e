// The rules in force: read from the rules folder (*.yaml, *.yml, *.json) at start and again on reload.
// A folder with any invalid file is refused whole, and the last valid set stays in force with the error
// kept for admins to read (GET /api/v1/rules), so a typo never switches detection off.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../../shared/errors.ts';
import { type CompiledRule, compileRules, evaluate, RuleError, type Signal, type TextItem } from './rules.ts';
import { type Rule, RuleFileSchema } from './rule-schema.ts';

const RULE_FILE = /\.(ya?ml|json)$/i;
/** A rule file larger than this is refused (a starter file is a few kilobytes). */
const MAX_FILE_BYTES = 1024 * 1024;

export interface RuleLoad {
  rules: CompiledRule[];
  /** Each rule's file, for people reading the list. */
  files: Map<string, string>;
}

/** A rule file's fault: where in it (a JSON pointer, `/` for the whole file) and what is wrong. */
export class RuleFileError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'RuleFileError';
    this.path = path;
  }
}

/** True for a name a rule file may have: letters, digits, `._-`, ending .yaml, .yml or .json; never a path. */
export const isRuleFileName = (name: string): boolean => /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) && RULE_FILE.test(name);

/** Parses and checks one rule file's text against the schema; throws a RuleFileError naming the place of the first fault. */
export function parseRuleFile(name: string, text: string): Rule[] {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new RuleFileError('/', `larger than ${MAX_FILE_BYTES} bytes`);
  let data: unknown;
  const json = /\.json$/i.test(name);
  try {
    data = json ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 50 });
  } catch (err) {
    throw new RuleFileError('/', `not valid ${json ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!Value.Check(RuleFileSchema, data)) {
    const first = [...Value.Errors(RuleFileSchema, data)].find((e) => e.keyword !== 'boolean') ?? [...Value.Errors(RuleFileSchema, data)][0];
    throw new RuleFileError(first?.instancePath || '/', first?.message ?? 'does not match the rule schema');
  }
  return data.rules;
}

/** The rule files of `dir`, sorted; none when the folder does not exist. */
export function ruleFileNames(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => RULE_FILE.test(n))
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * Reads and checks every rule file of `dir` (or, for `replace`, that text instead of one file's, to check
 * an edit before it is written); throws an AppError (422 invalid_rules) naming the file and the fault.
 */
export function loadRuleFolder(dir: string, categories: ReadonlySet<string>, replace?: { name: string; text: string }): RuleLoad {
  const names = ruleFileNames(dir);
  if (replace && !names.includes(replace.name)) names.push(replace.name);
  const all: Rule[] = [];
  const files = new Map<string, string>();
  for (const name of names) {
    const text = replace?.name === name ? replace.text : readFileSync(join(dir, name), 'utf8');
    let rules: Rule[];
    try {
      rules = parseRuleFile(name, text);
    } catch (err) {
      if (!(err instanceof RuleFileError)) throw err;
      throw new AppError(422, 'invalid_rules', `${name}: ${err.path === '/' ? '' : `${err.path} `}${err.message}`, [{ field: err.path, message: err.message }]);
    }
    for (const r of rules) {
      all.push(r);
      files.set(r.id, name);
    }
  }
  try {
    return { rules: compileRules(all, categories), files };
  } catch (err) {
    if (err instanceof RuleError) throw new AppError(422, 'invalid_rules', `${files.get(err.ruleId) ?? '?'}: ${err.message}`);
    throw err;
  }
}

export interface RuleSetStatus {
  loadedAt: string | null;
  /** The last reload's error while the previous rules stay in force; null when the last load succeeded. */
  error: string | null;
}

export class RuleSet {
  #dir: string;
  #categories: ReadonlySet<string>;
  #load: RuleLoad = { rules: [], files: new Map() };
  #status: RuleSetStatus = { loadedAt: null, error: null };

  constructor(dir: string, categories: Iterable<string>) {
    this.#dir = dir;
    this.#categories = new Set(categories);
  }

  /** Loads the folder; on failure keeps the rules in force, records the error and throws it. */
  reload(): { rules: number } {
    try {
      this.#load = loadRuleFolder(this.#dir, this.#categories);
      this.#status = { loadedAt: new Date().toISOString(), error: null };
      return { rules: this.#load.rules.length };
    } catch (err) {
      this.#status = { ...this.#status, error: err instanceof Error ? err.message : String(err) };
      throw err;
    }
  }

  get dir(): string {
    return this.#dir;
  }

  /** Checks the folder as it would be with `name` holding `text`, without loading it; throws like reload. */
  check(name: string, text: string): void {
    loadRuleFolder(this.#dir, this.#categories, { name, text });
  }

  get rules(): readonly CompiledRule[] {
    return this.#load.rules;
  }

  fileOf(id: string): string | null {
    return this.#load.files.get(id) ?? null;
  }

  get status(): RuleSetStatus {
    return this.#status;
  }

  evaluate(item: TextItem): Signal[] {
    return evaluate(this.#load.rules, item);
  }
}
