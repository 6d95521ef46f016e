// The rules as people read them (states, hit counts, a sample of shadow hits) and their reload, audited.
import type { AuditLog } from '../../audit/audit-log.ts';
import type { Db } from '../../db/database.ts';
import { RuleHitsRepository } from './rule-hits.repository.ts';
import type { RuleField, RuleState } from './rule-schema.ts';
import type { RuleSet } from './rule-set.ts';

/** Shadow hits shown per rule. */
const SAMPLE = 5;

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
}
