// `npm run api:types`: builds the app (without listening, on a throwaway SQLite database), takes its
// OpenAPI document (app.swagger()), writes it to docs/openapi.json and generates the typed client's types,
// src/client/api-types.ts, from it with openapi-typescript. Both files are committed; the test
// test/api/openapi-contract.test.ts regenerates them in memory and fails when they differ.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { registerHooks } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { buildApp } from '../src/http/app.ts';
import { createLogger } from '../src/logger.ts';

export const DOCUMENT_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
export const TYPES_FILE = fileURLToPath(new URL('../src/client/api-types.ts', import.meta.url));

// openapi-typescript builds its output with the TypeScript 5 compiler API, which TypeScript 7 (our
// typechecker, a native binary) no longer has: its `typescript` import gets TypeScript 5, installed as
// `typescript5` (package.json's `overrides` lets it accept our TypeScript 7 as its peer for npm's sake).
registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'typescript' && context.parentURL?.includes('/node_modules/openapi-typescript/')) return next('typescript5', context);
    return next(specifier, context);
  },
});

/** The OpenAPI document of the app as it is built now, as JSON text (two-space indent, final newline). */
export async function apiDocument(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-openapi-'));
  try {
    const config = loadConfig({}, { dataDir, databaseUrl: '', logLevel: 'silent' });
    const ctx = await createContext(config, createLogger('silent'));
    try {
      const app = await buildApp(ctx);
      await app.ready();
      const doc = app.swagger();
      await app.close();
      return `${JSON.stringify(doc, null, 2)}\n`;
    } finally {
      await ctx.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const HEADER = `// Generated from docs/openapi.json by \`npm run api:types\` (openapi-typescript). Do not edit: change the
// routes' schemas (src/http/routes/*.ts, src/http/schemas.ts) and run the command again.
`;

/** The types openapi-typescript generates from the document. */
export async function apiTypes(document: string): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(JSON.parse(document), { alphabetize: true });
  return HEADER + astToString(ast);
}

if (import.meta.main) {
  const document = await apiDocument();
  await writeFile(DOCUMENT_FILE, document);
  const types = await apiTypes(document);
  const before = await readFile(TYPES_FILE, 'utf8').catch(() => '');
  await writeFile(TYPES_FILE, types);
  console.log(
    `wrote ${path.relative(process.cwd(), DOCUMENT_FILE)} and ${path.relative(process.cwd(), TYPES_FILE)}${before === types ? ' (types unchanged)' : ''}`,
  );
}
