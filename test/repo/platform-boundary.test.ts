// The moderation core knows subjects only through src/subjects/ (the platform port): no file of the core
// may reach the bundled reference platform (src/platform/), directly or through another module. The
// reference platform is the top floor: it uses the core, and the composition root (src/context.ts) and
// the HTTP and CLI layers wire both together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const CORE = ['intake', 'cases', 'enforcement', 'detection', 'transparency', 'subjects', 'jobs', 'policy', 'audit'];
const PLATFORM = path.join(SRC, 'platform') + path.sep;

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) yield full;
  }
}

/** The files under src/ a module imports: static imports and re-exports, dynamic imports, worker URLs. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms),
    ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
    ...text.matchAll(/new URL\(\s*'([^']+)'\s*,\s*import\.meta\.url\s*\)/g),
  ].map((m) => m[1]);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s));
}

const graph = new Map<string, string[]>();
for (const file of sources(SRC)) graph.set(file, importsOf(file));

/** The chain of imports from `file` to the reference platform, if there is one. */
function pathToPlatform(file: string): string[] | undefined {
  const seen = new Set<string>([file]);
  const queue: string[][] = [[file]];
  while (queue.length > 0) {
    const chain = queue.shift() as string[];
    for (const next of graph.get(chain[chain.length - 1]) ?? []) {
      if (next.startsWith(PLATFORM)) return [...chain, next];
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...chain, next]);
      }
    }
  }
  return undefined;
}

test('no module of the moderation core reaches src/platform/, directly or through another module', () => {
  const core = [...graph.keys()].filter((f) => CORE.some((dir) => f.startsWith(path.join(SRC, dir) + path.sep)));
  assert.ok(core.length > 50, `only ${core.length} core files found`);
  const violations = core.flatMap((f) => {
    const chain = pathToPlatform(f);
    return chain ? [chain.map((c) => path.relative(SRC, c)).join(' → ')] : [];
  });
  assert.deepEqual(violations, [], 'The core must ask src/subjects/ (the platform port), not the reference platform');
});

test('the import reader sees the edges it checks (the reference platform does reach the core)', () => {
  const reference = path.join(SRC, 'platform', 'reference-platform.ts');
  assert.ok(graph.get(reference)?.includes(path.join(SRC, 'subjects', 'subjects.ts')));
  assert.deepEqual(pathToPlatform(path.join(SRC, 'context.ts'))?.slice(-1), [path.join(SRC, 'platform', 'accounts.repository.ts')]);
});
