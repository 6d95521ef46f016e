// Reading a value whose shape is not known yet (anything thrown, a body before validation) without
// assuming it: Node's, SQLite's and PostgreSQL's errors carry their details in properties of their own
// (`code`, `errcode`, `constraint`).

/** A property of `value` if it is an object that has one. */
export const propertyOf = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null && name in value ? Reflect.get(value, name) : undefined;

/** Node's error code (`ENOENT`, `EEXIST`, ...) or a driver's, if there is one. */
export const errorCode = (err: unknown): unknown => propertyOf(err, 'code');

/** The message of anything thrown. */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
