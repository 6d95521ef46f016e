// Canonical JSON: object keys sorted, no whitespace, undefined members dropped (as JSON.stringify does).
// The same value always gives the same text, so its hash is stable across processes and databases.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
    }
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const toJSON = 'toJSON' in value ? value.toJSON : undefined;
  const obj: unknown = typeof toJSON === 'function' ? toJSON.call(value) : value;
  if (obj === null || typeof obj !== 'object') return canonicalJson(obj);
  // Keys in code-unit order, as Array.prototype.sort orders strings.
  const members = Object.entries(obj)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
