// Table types for content registered by connected platforms (migration 2026-12-04-03).
import type { PublicSubjectKind } from '../subjects/kinds.ts';

export type ContentVerdict = 'allow' | 'hold' | 'refuse';

export interface ConnectedContentTable {
  /** Vigil's own id (`cnt_…`): cases, enforcement actions and holds name the content by it. */
  id: string;
  platform: string;
  kind: PublicSubjectKind;
  /** The platform's own id. */
  external_id: string;
  url: string;
  url_key: string;
  channel_id: string | null;
  seq: number;
  owner_id: string | null;
  reach: number;
  title: string;
  text: string;
  verdict: ContentVerdict;
  /** JSON: the signals of the verdict (bank category and match kind, or a scan timeout). */
  signals: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Detected language (src/shared/language.ts), null when too short to tell; absent in rows written before it was kept. */
  language?: string | null;
}

export interface ConnectedMediaTable {
  id: string;
  content_id: string;
  position: number;
  url: string | null;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  sha256: string | null;
  md5: string | null;
  pdq: string | null;
  pdq_quality: number | null;
  created_at: string;
}

export interface ConnectedTables {
  connected_content: ConnectedContentTable;
  connected_media: ConnectedMediaTable;
}
