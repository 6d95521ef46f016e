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

/** Reads and checks every rule file of `dir`; throws an AppError (422 invalid_rules) naming the file and the fault. */
export function loadRuleFolder(dir: string, categories: ReadonlySet<string>): RuleLoad {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => RULE_FILE.test(n))
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { rules: [], files: new Map() };
    throw err;
  }
  const all: Rule[] = [];
  const files = new Map<string, string>();
  for (const name of names) {
    const fail = (message: string) => new AppError(422, 'invalid_rules', `${name}: ${message}`);
    const text = readFileSync(join(dir, name), 'utf8');
    if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw fail(`larger than ${MAX_FILE_BYTES} bytes`);
    let data: unknown;
    try {
      data = /\.json$/i.test(name) ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 50 });
    } catch (err) {
      throw fail(`not valid ${/\.json$/i.test(name) ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`);
    }
    if (!Value.Check(RuleFileSchema, data)) {
      const first = [...Value.Errors(RuleFileSchema, data)].find((e) => e.keyword !== 'boolean') ?? [...Value.Errors(RuleFileSchema, data)][0];
      throw fail(`${first?.instancePath || '/'} ${first?.message ?? 'does not match the rule schema'}`);
    }
    for (const r of data.rules) {
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
