// Queries of the hot paths, built and compiled by Kysely once per dialect and then run with new values.
// Building and compiling a query costs more than running it on SQLite: 16 µs for a one-column select, 75 µs
// for a thirty-column insert, 140 µs for the report's locking update with its subqueries, measured on the
// machine of docs/BENCHMARKS.md, against a few µs to run the statement once it is prepared. Intake runs
// seven such queries a report.
//
// The query is written with Kysely as usual, with `p.name` where a value goes; compiling it once with a
// unique marker in each place tells which parameter of the compiled SQL is which value.
import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Db } from './database.ts';

const MARK = '\u0000vigil-parameter\u0000';

type Slot<P> = { name: keyof P } | { constant: unknown };

interface Template<P> {
  compiled: CompiledQuery;
  slots: Array<Slot<P>>;
}

export interface PreparedQuery<P, O> {
  /** Runs the query on `db` (a transaction or the database) with `values`. */
  execute(db: Db, values: P): Promise<QueryResult<O>>;
  /** The compiled SQL and parameters it would run (for tests). */
  compile(db: Db, values: P): CompiledQuery<O>;
}

/**
 * A query whose shape is fixed and whose values change: `build(db, p)` must use every value through `p`,
 * never inspect it, and give the same query for any values.
 */
export function prepared<P extends object, O>(build: (db: Db, p: P) => Compilable<O>): PreparedQuery<P, O> {
  // One template per dialect adapter: SQLite and PostgreSQL spell SQL and placeholders differently.
  const templates = new WeakMap<object, Template<P>>();
  // The markers stand in for every value of P (a Proxy answers any name), which the type cannot say.
  const marks = new Proxy({} as P, {
    get: (_t, name) => {
      if (typeof name !== 'string') throw new TypeError('prepared: parameter names are strings');
      return `${MARK}${name}`;
    },
  });
  const templateFor = (db: Db): Template<P> => {
    const adapter = db.getExecutor().adapter;
    let t = templates.get(adapter);
    if (!t) {
      const compiled = build(db, marks).compile();
      // A marker holds the name it was read under, one of P's keys.
      const slots = compiled.parameters.map(
        (v): Slot<P> => (typeof v === 'string' && v.startsWith(MARK) ? { name: v.slice(MARK.length) as keyof P } : { constant: v }),
      );
      t = { compiled, slots };
      templates.set(adapter, t);
    }
    return t;
  };
  const compile = (db: Db, values: P): CompiledQuery<O> => {
    const t = templateFor(db);
    const parameters = t.slots.map((s) => {
      if (!('name' in s)) return s.constant;
      const v = values[s.name];
      return v === undefined ? null : v;
    });
    // The template was compiled from the query typed O; only its parameters change.
    return { ...t.compiled, parameters } as CompiledQuery<O>;
  };
  return {
    compile,
    execute: (db, values) => db.executeQuery(compile(db, values)),
  };
}
