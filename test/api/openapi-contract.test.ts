// The API contract: every documented operation declares what it answers on success, and the committed
// OpenAPI document (docs/openapi.json) and client types (src/client/api-types.ts) are what the routes
// generate now. When this fails after a change to a route, run `npm run api:types` and commit the two files.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { apiDocument, apiTypes, DOCUMENT_FILE, TYPES_FILE } from '../../scripts/api-types.ts';

interface Response {
  content?: Record<string, { schema?: unknown }>;
}
interface Document {
  paths: Record<string, Record<string, { responses?: Record<string, Response> }>>;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** `METHOD /path` of each operation without a 2xx answer, or with one that declares no body schema (204 has no body). */
export function operationsWithoutSuccessSchema(doc: Document): string[] {
  const missing: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      const declared = success.length > 0 && success.every(([status, r]) => status === '204' || Object.values(r.content ?? {}).some((c) => c.schema));
      if (!declared) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return missing;
}

describe('the API contract', () => {
  let document: string;

  test('every operation of the OpenAPI document declares the schema of its 2xx answer', async () => {
    document = await apiDocument();
    const doc = JSON.parse(document) as Document;
    assert.ok(Object.keys(doc.paths).length > 40, 'the document lists the routes');
    assert.deepEqual(operationsWithoutSuccessSchema(doc), [], 'declare `response: { 200: Schema }` (or 201, 202, 204) on these routes');
  });

  test('the check finds an operation without one', () => {
    const doc: Document = {
      paths: {
        '/a': { get: { responses: { 200: { content: { 'application/json': { schema: { type: 'object' } } } } } } },
        '/b': { post: { responses: { 400: { content: { 'application/json': { schema: {} } } } } } },
        '/c': { get: { responses: { 200: {} } }, delete: { responses: { 204: {} } } },
      },
    };
    assert.deepEqual(operationsWithoutSuccessSchema(doc), ['POST /b', 'GET /c']);
  });

  test('docs/openapi.json and src/client/api-types.ts are what the routes generate (else run `npm run api:types`)', async () => {
    document ??= await apiDocument();
    const committedDocument = await readFile(DOCUMENT_FILE, 'utf8').catch(() => '');
    assert.ok(committedDocument === document, 'docs/openapi.json differs from the routes: run `npm run api:types` and commit the result');
    const committedTypes = await readFile(TYPES_FILE, 'utf8').catch(() => '');
    assert.ok(
      committedTypes === (await apiTypes(document)),
      'src/client/api-types.ts differs from the document: run `npm run api:types` and commit the result',
    );
  });
});
