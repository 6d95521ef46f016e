// The queue's filters live in the address (?state=…&overdue=1), so a filtered view can be shared and
// survives signing in again.
export interface QueueFilter {
  state?: string;
  category?: string;
  /** A detected language tag, or 'unknown'. */
  language?: string;
  source?: string;
  overdue: boolean;
  mine: boolean;
  sort: 'priority' | 'age';
}

export function filterFromParams(p: URLSearchParams): QueueFilter {
  return {
    state: p.get('state') || undefined,
    category: p.get('category') || undefined,
    language: p.get('language') || undefined,
    source: p.get('source') || undefined,
    overdue: p.get('overdue') === '1',
    mine: p.get('mine') === '1',
    sort: p.get('sort') === 'age' ? 'age' : 'priority',
  };
}

export function paramsFromFilter(f: QueueFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.state) p.set('state', f.state);
  if (f.category) p.set('category', f.category);
  if (f.language) p.set('language', f.language);
  if (f.source) p.set('source', f.source);
  if (f.overdue) p.set('overdue', '1');
  if (f.mine) p.set('mine', '1');
  if (f.sort !== 'priority') p.set('sort', f.sort);
  return p;
}

/** The API query: breached=true for overdue, assignee=me for mine. */
export function casesUrl(f: QueueFilter, limit: number, cursor?: string | null): string {
  const q = new URLSearchParams({ sort: f.sort, limit: String(limit) });
  if (f.state) q.set('state', f.state);
  if (f.category) q.set('category', f.category);
  if (f.language) q.set('language', f.language);
  if (f.source) q.set('source', f.source);
  if (f.overdue) q.set('breached', 'true');
  if (f.mine) q.set('assignee', 'me');
  if (cursor) q.set('cursor', cursor);
  return `/api/v1/cases?${q}`;
}
