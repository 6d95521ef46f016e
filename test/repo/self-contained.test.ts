// A fresh clone must run and test with nothing beside it: no source, test, script or document may
// point outside the repository (an earlier version read PDQ vectors from ../shared and failed on
// every machine without that folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCANNED = ['src', 'test', 'e2e', 'bench', 'scripts', 'bin', 'web', 'docs', '.ci'];
const TEXT = /\.(ts|tsx|js|mjs|json|md|sh|html|css)$|^run$/;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'fixtures') yield* filesUnder(full);
    } else if (TEXT.test(entry.name)) {
      yield full;
    }
  }
}

const files = [...SCANNED.flatMap((d) => [...filesUnder(path.join(ROOT, d))]), path.join(ROOT, 'README.md'), path.join(ROOT, 'package.json')];
const inside = (target: string) => !path.relative(ROOT, target).startsWith('..');

test('no file resolves a module-relative URL outside the repository', () => {
  assert.ok(files.length > 100, `only ${files.length} files scanned`);
  const escapes: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new URL\(\s*'([^']+)'\s*,\s*import\.meta\.url\s*\)/g)) {
      const target = fileURLToPath(new URL(m[1], pathToFileURL(file)));
      if (!inside(target)) escapes.push(`${path.relative(ROOT, file)}: ${m[1]}`);
    }
  }
  assert.deepEqual(escapes, []);
});

test('no file names the reference folder beside the repository', () => {
  const mentions = files
    .filter((file) => file !== fileURLToPath(import.meta.url))
    .filter((file) => /\bshared\/(pdq-vectors|ARCHITECTURE\.md|STYLE\.md|reference\/|hooks\/)/.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(ROOT, file));
  assert.deepEqual(mentions, []);
});
