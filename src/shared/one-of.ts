// The lists of stored values (subject kinds, case states, sources, ...) are each written once as a const
// array; this guard checks a value against one and narrows it to the array's union.

/** True when `v` is one of `values`. */
export const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T => values.some((x) => x === v);
