// Text reaching the application is well-formed Unicode without U+0000, or the request is refused with 400
// invalid_text naming the field. Left alone, invalid UTF-8 bytes become U+FFFD without a word and "\ud800"
// escapes become lone surrogates, and both are stored and shown as they came; and a NUL, which SQLite
// stores, makes PostgreSQL refuse the statement (a 500), so neither store gets one.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest, type AppError, fieldProblem } from '../shared/errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

const invalidText = (field: string, what: string): AppError =>
  badRequest('invalid_text', `"${field}" is not valid text: ${what}.`, [fieldProblem(field, 'not_text', what)]);

interface Container {
  value: object;
  key: string | number | undefined;
  parent: Container | undefined;
}

/** The dotted path of a container's member (its last 16 segments at most), as validation errors name fields. */
function pathOf(node: Container | undefined, key: string | number | undefined): string {
  const keys = key === undefined ? [] : [String(key)];
  let n = node;
  for (; n?.key !== undefined && keys.length < 16; n = n.parent) keys.push(String(n.key));
  if (keys.length === 0) return 'body';
  if (n?.key !== undefined) keys.push('…');
  return keys.reverse().join('.');
}

/** Why a string is refused (`fault` gives the reason, or undefined when it is fine), and where. */
export interface BadText {
  field: string;
  why: string;
}

/**
 * The first string or object key that `fault` refuses, with its field path (a key names itself).
 * Iterative, so a deeply nested body cannot exhaust the stack; only containers get a stack entry.
 */
export function findBadText(root: unknown, fault: (s: string) => string | undefined): BadText | undefined {
  const at = (field: string, s: string): BadText | undefined => {
    const why = fault(s);
    return why === undefined ? undefined : { field, why };
  };
  if (typeof root === 'string') return at('body', root);
  if (typeof root !== 'object' || root === null) return undefined;
  const stack: Container[] = [{ value: root, key: undefined, parent: undefined }];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const from = stack.length;
    if (Array.isArray(node.value)) {
      const items: unknown[] = node.value;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (typeof item === 'string') {
          if (fault(item) !== undefined) return at(pathOf(node, i), item);
        } else if (typeof item === 'object' && item !== null) {
          stack.push({ value: item, key: i, parent: node });
        }
      }
    } else {
      for (const [key, item] of Object.entries(node.value)) {
        if (fault(key) !== undefined) return at(pathOf(node, key.slice(0, 64)), key);
        if (typeof item === 'string') {
          if (fault(item) !== undefined) return at(pathOf(node, key), item);
        } else if (typeof item === 'object' && item !== null) {
          stack.push({ value: item, key, parent: node });
        }
      }
    }
    // Visit the children just pushed in document order.
    for (let i = from, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j], stack[i]];
  }
  return undefined;
}

/** A lone surrogate, or U+0000 (which PostgreSQL's text cannot hold). */
export function textFault(s: string): string | undefined {
  if (!s.isWellFormed()) return 'it contains a lone surrogate (an unpaired \\ud800-\\udfff)';
  if (s.includes('\u0000')) return 'it contains a NUL character (U+0000)';
  return undefined;
}

/** Which field holds invalid UTF-8, when the body says so unambiguously (no genuine U+FFFD in it). */
function fieldWithInvalidBytes(body: Buffer): string {
  const text = lenientUtf8.decode(body);
  if (body.includes(Buffer.from('\ufffd')) || /\\u[fF]{3}[dD]/.test(text)) return 'body';
  try {
    return findBadText(JSON.parse(text), (s) => (s.includes('\ufffd') ? 'U+FFFD' : undefined))?.field ?? 'body';
  } catch {
    return 'body';
  }
}

/** The first query parameter that is not valid percent-encoded UTF-8, by its (best-effort) name. */
export function badQueryParameter(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q === -1) return undefined;
  for (const pair of url.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    const name = (eq === -1 ? pair : pair.slice(0, eq)).replaceAll('+', ' ');
    const value = eq === -1 ? '' : pair.slice(eq + 1).replaceAll('+', ' ');
    try {
      decodeURIComponent(value);
    } catch {
      try {
        return decodeURIComponent(name).slice(0, 64);
      } catch {
        return name.slice(0, 64);
      }
    }
    try {
      decodeURIComponent(name);
    } catch {
      return name.slice(0, 64);
    }
  }
  return undefined;
}

/**
 * JSON bodies are decoded strictly and checked after Fastify's own parser (which keeps its protection
 * against `__proto__` and `constructor.prototype` keys, and the body limit); query strings and route
 * parameters are checked before validation. text/plain bodies are no longer parsed at all: no route
 * takes one, and its parser replaced invalid bytes silently.
 */
export function installTextIntegrity(app: FastifyInstance): void {
  // Fastify types the default parser loosely (its `this` and body); this is how it is called.
  const parseJson = app.getDefaultJsonParser('error', 'error') as (
    req: FastifyRequest,
    body: string,
    done: (err: Error | null, value?: unknown) => void,
  ) => void;
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(invalidText(fieldWithInvalidBytes(body), 'it is not UTF-8'), undefined);
      return;
    }
    parseJson(req, text, (err, value) => {
      if (err) return done(err, undefined);
      const bad = findBadText(value, textFault);
      if (bad !== undefined) return done(invalidText(bad.field, bad.why), undefined);
      done(null, value);
    });
  });

  app.addHook('preValidation', async (req) => {
    const name = badQueryParameter(req.url);
    if (name !== undefined) throw invalidText(name, 'it is not percent-encoded UTF-8');
    // The router already refuses parameters that do not decode as UTF-8 (400 invalid_url); this is the
    // backstop for lone surrogates, and what refuses a %00 in a parameter or the query.
    const bad = findBadText(req.params, textFault) ?? findBadText(req.query, textFault);
    if (bad !== undefined) throw invalidText(bad.field, bad.why);
  });
}
