// The audit log as the API returns it (types generated from the OpenAPI document).
import type { ResponseBody } from 'vigil/client';

export type AuditPage = ResponseBody<'/api/v1/admin/audit', 'get'>;
export type AuditEntryView = AuditPage['entries'][number];
export type AuditChunk = ResponseBody<'/api/v1/admin/audit/verify', 'get'>;

/** The filters as typed: exact actor, action and target; a time range in the browser's local time. */
export interface AuditFilterForm {
  actor: string;
  action: string;
  target: string;
  from: string;
  to: string;
}

export const NO_AUDIT_FILTER: AuditFilterForm = { actor: '', action: '', target: '', from: '', to: '' };

/** The query string for a page: `datetime-local` values are local times, sent as UTC. */
export function auditQuery(f: AuditFilterForm, limit: number, cursor?: string): string {
  const q = new URLSearchParams({ limit: String(limit) });
  for (const k of ['actor', 'action', 'target'] as const) if (f[k].trim()) q.set(k, f[k].trim());
  for (const k of ['from', 'to'] as const) {
    const t = f[k] ? new Date(f[k]) : undefined;
    if (t && !Number.isNaN(t.getTime())) q.set(k, t.toISOString());
  }
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}
