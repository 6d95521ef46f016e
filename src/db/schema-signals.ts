// Table types for text rules' hits (migration 2026-12-04-08).
import type { RuleField, RuleState } from '../detection/text/rule-schema.ts';
import type { PublicSubjectKind } from '../subjects/kinds.ts';

export interface RuleHitsTable {
  /** `<signal job key>:<rule id>`: one hit per rule and signalling job, however often the job runs. */
  id: string;
  rule_id: string;
  state: Exclude<RuleState, 'draft'>;
  category: string;
  score: number;
  /** `reference` or a connected platform's name. */
  platform: string;
  /** The subject whose text matched (a post, channel, bot or sticker set; Vigil's own id). */
  subject_kind: PublicSubjectKind;
  subject_id: string;
  field: RuleField;
  excerpt: string;
  /** The case a live rule's report opened or joined; null for shadow hits. */
  case_id: string | null;
  created_at: string;
}

export interface SignalTables {
  rule_hits: RuleHitsTable;
}
