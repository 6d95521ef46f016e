// Table types for text rules' hits (migration 2026-12-04-08).
import type { RuleField, RuleState } from '../detection/text/rule-schema.ts';
import type { BlockableKind, PublicSubjectKind } from '../subjects/kinds.ts';
import type { LinkRelation, MarkerKind } from '../detection/text/mirror-values.ts';

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

/** A public subject's text fingerprint, links and media digests (migration 2026-12-05-21). */
export interface TextFingerprintsTable {
  /** `<platform>:<subject kind>:<subject id>`: one row per subject, replaced when its text changes. */
  id: string;
  platform: string;
  subject_kind: PublicSubjectKind;
  subject_id: string;
  /** The channel of a post, or the subject itself; by Vigil's id. */
  case_subject_kind: BlockableKind;
  case_subject_id: string;
  owner_id: string | null;
  /** SimHash (16 hex digits); null when the text is too short. */
  fingerprint: string | null;
  /** JSON array of external links (links.ts). */
  links: string;
  /** JSON array of media SHA-256 digests. */
  media: string;
  created_at: string;
}

/** A fingerprint a decision took down, split into bands for exact indexed lookups. */
export interface BlockedTextsTable {
  id: string;
  decision_id: string;
  case_id: string;
  /** What the decision did: `block` (the subject) or `remove_posts`. */
  action: 'block' | 'remove_posts';
  category: string;
  platform: string;
  subject_kind: PublicSubjectKind;
  subject_id: string;
  fingerprint: string;
  band0: number;
  band1: number;
  band2: number;
  band3: number;
  band4: number;
  band5: number;
  band6: number;
  created_at: string;
}

/** What a blocked subject leaves behind besides texts: its owner, external links, media digests. */
export interface BlockedMarkersTable {
  id: string;
  decision_id: string;
  case_id: string;
  category: string;
  platform: string;
  kind: MarkerKind;
  value: string;
  created_at: string;
}

/** A subject found near what a decision took down, per pair, with the kinds of evidence (JSON array). */
export interface MirrorLinksTable {
  /** `<platform>:<kind>:<id>:<original case id>`. */
  id: string;
  platform: string;
  subject_kind: BlockableKind;
  subject_id: string;
  case_id: string;
  original_case_id: string;
  original_decision_id: string;
  relation: LinkRelation;
  evidence: string;
  created_at: string;
  updated_at: string;
}

export interface SignalTables {
  rule_hits: RuleHitsTable;
  text_fingerprints: TextFingerprintsTable;
  blocked_texts: BlockedTextsTable;
  blocked_markers: BlockedMarkersTable;
  mirror_links: MirrorLinksTable;
}
