// fast-check arbitraries for malformed requests: bodies built from a route's own JSON schema and then
// broken (a wrong type, an oversized string, a lone surrogate, a missing or unknown field), top-level
// junk, odd headers, path parameters and query strings. Requests are plain objects for app.inject().
import fc from 'fast-check';
import type { JsonSchema } from './route-list.ts';

/** Any JSON value, including deep nesting and the numbers JSON.stringify cannot write. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 2 ** 53 + 1, -(2 ** 31), 1e308, true, false, null, '', ' ', '0', 'null', '[]', '{}'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.integer({ min: 1, max: 3000 }).map((depth) => nested(depth)),
);

function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Strings no field accepts as they are: oversized, lone surrogates, control characters, only spaces. */
export function badString(maxLength = 64): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: maxLength + 1, max: maxLength + 3 }).map((n) => 'x'.repeat(n)),
    fc.integer({ min: 1, max: 200_000 }).map((n) => 'é'.repeat(n)),
    fc.constantFrom('\ud800', 'a\udfffb', '\udc00\ud800', `${'x'.repeat(10)}\ud83d`),
    fc.constantFrom('', ' ', '\u0000', '\t\n', '\u202e', '\ufeff', '..', '../../etc/passwd', '%00', '<script>', '__proto__', 'constructor'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
  );
}

/** A value the schema accepts (as far as a short generator can tell): the start of a near-valid body. */
export function validValue(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.jsonValue({ maxDepth: 1 });
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => validValue(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 1000));
      if (schema.format === 'email') return fc.emailAddress().filter((s) => s.length <= (schema.maxLength ?? 254));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items, depth + 1), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      if (props.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      return fc.record(Object.fromEntries(props.map(([k, s]) => [k, validValue(s, depth + 1)])), { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** A value the schema refuses: broken at the top, or a valid object with one member broken (recursively). */
export function malformedValue(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const props = Object.entries(schema?.properties ?? {});
  const type = Array.isArray(schema?.type) ? schema?.type[0] : schema?.type;
  const leaf = fc.oneof(junkValue, type === 'string' || !type ? badString(schema?.maxLength) : junkValue);
  if (type === 'array' && schema?.items) {
    return fc.oneof(
      leaf,
      validValue(schema.items).map((item) => Array.from({ length: (schema.maxItems ?? 1000) + 1 }, () => item)), // one too many
      fc.tuple(fc.array(validValue(schema.items), { maxLength: 2 }), malformedValue(schema.items, depth + 1)).map(([a, bad]) => [...a, bad]),
    );
  }
  if (props.length === 0 || depth > 3) return leaf;
  const valid = validValue(schema, depth) as fc.Arbitrary<Record<string, unknown>>;
  const keys = props.map(([k]) => k);
  return fc.oneof(
    { weight: 1, arbitrary: leaf },
    // One member wrongly typed, oversized or broken further down.
    {
      weight: 4,
      arbitrary: fc.tuple(valid, fc.constantFrom(...props)).chain(([obj, [key, sub]]) => malformedValue(sub, depth + 1).map((bad) => ({ ...obj, [key]: bad }))),
    },
    // A required member missing.
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom(...keys)).map(([obj, key]) => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key))),
    },
    // A member no schema names, including the prototype's.
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom('__proto__', 'constructor', 'unknownField', 'x'.repeat(300), '\ud800'), junkValue)
        .map(([obj, key, v]) => ({ ...obj, [key]: v })), // a computed "__proto__" is an own member, written by JSON.stringify
    },
  );
}

export interface FuzzBody {
  payload?: string | Buffer;
  contentType?: string;
}

const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json;charset=UTF-8',
  'application/json; charset=latin1',
];
const OTHER_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/vnd.api+json',
  'application/json, text/plain',
  'image/png',
  'garbage',
  ';',
  'application/json; boundary="',
];

/** Raw JSON texts that JSON.stringify would never write. */
const oddJsonText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'null',
    '0',
    '"x"',
    '[]',
    '{',
    '{"a":}',
    '{"a":1e999}',
    '{"a":-0}',
    '{"a":123456789012345678901234567890}',
    '\ufeff{}',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"a":"\\ud800"}',
  ),
  fc.integer({ min: 1, max: 100_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 100_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  fc.string({ unit: 'binary', maxLength: 50 }),
);

/** A request body for a route whose JSON schema is `schema` (undefined: the route takes none). */
export function fuzzBody(schema: JsonSchema | undefined): fc.Arbitrary<FuzzBody> {
  const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(malformedValue(schema), fc.constantFrom(...JSON_TYPES)).map(([v, contentType]) => ({ payload: json(v), contentType })) },
    { weight: 1, arbitrary: fc.tuple(validValue(schema), fc.constantFrom(...JSON_TYPES)).map(([v, contentType]) => ({ payload: json(v), contentType })) },
    { weight: 2, arbitrary: fc.tuple(oddJsonText, fc.constantFrom(...JSON_TYPES)).map(([payload, contentType]) => ({ payload, contentType })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(...JSON_TYPES, ...OTHER_TYPES))
        .map(([bytes, contentType]) => ({ payload: Buffer.from(bytes), contentType })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<FuzzBody>({}, { payload: '{}' }, { payload: Buffer.alloc(1024 * 1024 + 1, 0x20), contentType: 'application/json' }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(validValue(schema), fc.constantFrom(...OTHER_TYPES)).map(([v, contentType]) => ({ payload: json(v), contentType })),
    },
  );
}

/** Latin-1 text a header may carry (no CR, LF or NUL: Node refuses those before any server sees them). */
const headerText = (maxLength: number) =>
  fc.string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength,
  });

/** Headers besides the body's: bogus credentials, Idempotency-Key and receipt garbage, odd cookies and proxies. */
export const fuzzHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    authorization: fc.oneof(
      fc.constantFrom(
        'Bearer',
        'Bearer ',
        'Bearer  x',
        'Basic dXNlcjpwYXNz',
        'bearer vga_x',
        'Bearer constructor',
        'Bearer __proto__',
        'Bearer vgs_',
        'Bearer vgk_x_y',
      ),
      headerText(100).map((s) => `Bearer ${s}`),
      fc.integer({ min: 1000, max: 20_000 }).map((n) => `Bearer vga_${'a'.repeat(n)}`),
    ),
    'idempotency-key': fc.oneof(
      headerText(40),
      fc.integer({ min: 129, max: 10_000 }).map((n) => 'k'.repeat(n)),
      fc.constantFrom('', ' ', 'é'),
    ),
    'x-receipt': fc.oneof(
      headerText(40),
      fc.integer({ min: 201, max: 5000 }).map((n) => 'r'.repeat(n)),
    ),
    'x-csrf-token': headerText(60),
    cookie: fc.oneof(
      headerText(80),
      headerText(60).map((s) => `vigil_session=${s}`),
      fc.constant('vigil_session=%ff; vigil_session=a'),
    ),
    'x-forwarded-for': fc.oneof(headerText(40), fc.constantFrom('::1, 10.0.0.1', 'unknown', '999.1.1.1')),
    accept: fc.constantFrom('*/*', 'text/html', 'application/json', 'image/*', '', 'text/html;q=0, */*'),
    'accept-language': headerText(40),
    expect: fc.constantFrom('100-continue'),
    range: fc.constantFrom('bytes=0-1', 'bytes=-1', 'bytes=9999999999-', 'bytes=5-1', 'bytes=x', 'items=0-1'),
    'if-none-match': headerText(40),
    'if-modified-since': fc.constantFrom('Thu, 01 Jan 1970 00:00:00 GMT', 'garbage', ''),
  },
  { requiredKeys: [] },
);

/** A path parameter's value, percent-encoded as it goes into the URL (some deliberately not valid). */
export const fuzzParam: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
  fc.integer({ min: 60, max: 5000 }).map((n) => 'a'.repeat(n)),
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2F',
    '..%2F..%2Fetc',
    '%00',
    '%ff',
    '%E0%A4%A',
    '%ED%A0%80',
    '%C0%AF',
    '%25',
    '%',
    'a%20b',
    '-1',
    '0',
    '1e3',
    '9999999999999999999999',
    'NaN',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    'does_not_exist',
  ),
  fc.integer().map(String),
);

/** A query string (with its "?"), or none: the route's own keys with junk values, repeated keys, arrays and junk. */
export function fuzzQuery(names: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    fc.constantFrom(...names, 'limit', 'cursor', '__proto__', 'constructor[prototype]', 'a[]', 'a[b]', ''),
    fc.string({ maxLength: 10 }).map(encodeURIComponent),
  );
  const value = fc.oneof(fuzzParam, fc.constantFrom('', '1', '0', '-1', '101', '1.5', 'true', '[]', '%ZZ', 'a&b', '%26'));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 4, arbitrary: fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 }).map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`) },
    { weight: 1, arbitrary: fc.constantFrom('?', '??', '?&&&', '?=', '?a', `?${'a=1&'.repeat(2000)}`, `?q=${'x'.repeat(10_000)}`, '?%', '?a=%ff') },
  );
}
