// The portable forms of two kinds of value, and their conversion at the repository boundary: yes/no is
// an integer 0/1 (SQLite has no boolean type; the columns are integers on PostgreSQL too) and a list is
// JSON text. Repositories convert, so services see booleans and arrays.

/** A yes/no column: 0 or 1. */
export type Flag = 0 | 1;

export const toFlag = (b: boolean): Flag => (b ? 1 : 0);
export const fromFlag = (f: number): boolean => f === 1;

/** A list read back from a JSON column; a row holding anything but a list of the expected values fails loudly. */
export function parseList<T>(json: string, is: (v: unknown) => v is T): T[] {
  const v: unknown = JSON.parse(json);
  if (!Array.isArray(v) || !v.every(is)) throw new Error(`a JSON list column holds an unexpected value: ${json.slice(0, 100)}`);
  return v;
}

export const isString = (v: unknown): v is string => typeof v === 'string';
