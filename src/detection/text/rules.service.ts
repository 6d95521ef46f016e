// The rules as people read them (states, hit counts, a sample of shadow hits), their reload, and admins'
// edits of the rule files (a whole file, or one rule's state), each checked before it is written, written
// atomically, audited with its diff and followed by a reload.
import { createPatch } from 'diff';
import type { AuditLog } from '../../audit/audit-log.ts';
import { AppError, badRequest, conflict } from '../../shared/errors.ts';
import type { Db } from '../../db/database.ts';
import { RuleHitsRepository } from './rule-hits.repository.ts';
import { readRuleFile, type RuleFileSource, versionOf, withRuleState, writeRuleFile } from './rule-files.ts';
import type { RuleField, RuleState } from './rule-schema.ts';
import { parseRuleFile, RuleFileError, type RuleSet, ruleFileNames } from './rule-set.ts';

/** Shadow hits shown per rule. */
const SAMPLE = 5;
/** A diff longer than this is not kept in the audit entry (the before and after hashes always are). */
const MAX_AUDIT_DIFF = 20_000;

export interface RuleView {
  id: string;
  description: string;
  category: string;
  state: RuleState;
  languages: string[];
  fields: RuleField[];
  score: number;
  file: string | null;
  hits: { live: number; shadow: number };
  sample: Array<{ platform: string; subjectKind: string; subjectId: string; field: string; excerpt: string; at: string }>;
}

export class RulesService {
  #db: Db;
  #rules: RuleSet;
  #audit: AuditLog;
  /** Edits run one at a time in this process, so a version check and its write are not interleaved with another's. */
  #editing: Promise<unknown> = Promise.resolve();
  constructor(db: Db, rules: RuleSet, audit: AuditLog) {
    this.#db = db;
    this.#rules = rules;
    this.#audit = audit;
  }

  async list(): Promise<{ loadedAt: string | null; error: string | null; rules: RuleView[] }> {
    const repo = new RuleHitsRepository(this.#db);
    const rules = this.#rules.rules.map((c) => c.rule);
    const [counts, recent] = await Promise.all([
      repo.counts(),
      repo.recentShadow(
        rules.map((r) => r.id),
        SAMPLE,
      ),
    ]);
    return {
      ...this.#rules.status,
      rules: rules.map((r) => ({
        id: r.id,
        description: r.description,
        category: r.category,
        state: r.state,
        languages: r.languages,
        fields: r.fields,
        score: r.score,
        file: this.#rules.fileOf(r.id),
        hits: {
          live: counts.find((c) => c.rule_id === r.id && c.state === 'live')?.hits ?? 0,
          shadow: counts.find((c) => c.rule_id === r.id && c.state === 'shadow')?.hits ?? 0,
        },
        sample: recent
          .filter((h) => h.rule_id === r.id)
          .map((h) => ({ platform: h.platform, subjectKind: h.subject_kind, subjectId: h.subject_id, field: h.field, excerpt: h.excerpt, at: h.created_at })),
      })),
    };
  }

  /** Reads the rule files again; on an invalid file the rules in force stay, the attempt is audited and the error thrown (422). */
  async reload(actor: string): Promise<{ rules: number; loadedAt: string | null }> {
    try {
      const { rules } = this.#rules.reload();
      await this.#audit.append({ actor, action: 'rules.reloaded', target: 'rules', data: { rules } });
      return { rules, loadedAt: this.#rules.status.loadedAt };
    } catch (err) {
      await this.#audit.append({ actor, action: 'rules.reload_failed', target: 'rules', data: { error: this.#rules.status.error } });
      throw err;
    }
  }

  /** The rule files of the folder with their versions and the ids of the rules each holds (as last loaded). */
  async files(): Promise<Array<{ name: string; version: string; size: number; rules: string[] }>> {
    const loaded = this.#rules.rules.map((c) => c.rule.id);
    const out = [];
    for (const name of ruleFileNames(this.#rules.dir)) {
      const f = await readRuleFile(this.#rules.dir, name);
      out.push({ name, version: f.version, size: Buffer.byteLength(f.text), rules: loaded.filter((id) => this.#rules.fileOf(id) === name) });
    }
    return out;
  }

  file(name: string): Promise<RuleFileSource> {
    return readRuleFile(this.#rules.dir, name);
  }

  /**
   * Replaces a rule file's text, when `version` is still the file's (409 otherwise) and the folder with the
   * new text passes the schema and compiles (400 naming the place, nothing written otherwise); then writes
   * it atomically, audits the diff and reloads.
   */
  saveFile(actor: string, name: string, text: string, version: string): Promise<{ name: string; version: string; rules: number; loadedAt: string | null }> {
    return this.#serial(async () => {
      const current = await readRuleFile(this.#rules.dir, name);
      if (current.version !== version) throw changed(name, current.version);
      return this.#write(actor, current, text, { action: 'rules.file_saved' });
    });
  }

  /** Sets one rule's state in its file (draft, shadow or live), keeping the rest of the file as it is. */
  setState(actor: string, id: string, state: RuleState): Promise<{ id: string; state: RuleState; file: string; version: string; loadedAt: string | null }> {
    return this.#serial(async () => {
      const name = this.#rules.fileOf(id);
      if (name === null) throw new AppError(404, 'not_found', `No rule "${id}" is in force.`);
      const current = await readRuleFile(this.#rules.dir, name);
      let text: string | null;
      try {
        text = withRuleState(name, current.text, id, state);
      } catch {
        text = null;
      }
      if (text === null) throw changed(name, current.version);
      const from = this.#rules.rules.find((c) => c.rule.id === id)?.rule.state ?? null;
      const saved = await this.#write(actor, current, text, { action: 'rules.state_changed', rule: id, from, to: state });
      return { id, state, file: name, version: saved.version, loadedAt: saved.loadedAt };
    });
  }

  async #write(actor: string, current: RuleFileSource, text: string, what: { action: string } & Record<string, unknown>) {
    const { name } = current;
    try {
      parseRuleFile(name, text);
      this.#rules.check(name, text);
    } catch (err) {
      if (err instanceof RuleFileError) {
        throw badRequest('invalid_rule_file', `${name}: ${err.path === '/' ? '' : `${err.path} `}${err.message}`, [{ field: err.path, message: err.message }]);
      }
      // Faults the schema cannot see: a duplicate id, an unknown category, a pattern RE2 refuses.
      if (err instanceof AppError && err.code === 'invalid_rules') throw badRequest('invalid_rule_file', err.message, [{ field: '/', message: err.message }]);
      throw err;
    }
    const version = versionOf(text);
    if (version === current.version) return { name, version, rules: this.#rules.rules.length, loadedAt: this.#rules.status.loadedAt };
    await writeRuleFile(this.#rules.dir, name, text);
    const patch = createPatch(name, current.text, text, current.version.slice(0, 12), version.slice(0, 12));
    const { action, ...data } = what;
    await this.#audit.append({
      actor,
      action,
      target: `rules/${name}`,
      data: { ...data, file: name, before: current.version, after: version, diff: patch.length <= MAX_AUDIT_DIFF ? patch : null },
    });
    const { rules } = await this.reload(actor);
    return { name, version, rules, loadedAt: this.#rules.status.loadedAt };
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#editing.then(work, work);
    this.#editing = next.catch(() => {});
    return next;
  }
}

const changed = (name: string, version: string) =>
  conflict('rule_file_changed', `${name} changed since you opened it; reload it, and apply your edit again.`, { version });
