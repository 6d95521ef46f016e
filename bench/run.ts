// Benchmark runner: `npm run bench -- <name> [args…]` runs bench/<name>.bench.ts; no name runs all.
// Each benchmark prints a table and compares against a baseline measured in the same run.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();
const [name, ...rest] = process.argv.slice(2);
const chosen = name ? [name] : available;
for (const n of chosen) {
  if (!available.includes(n)) {
    console.error(`unknown benchmark "${n}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
  const mod = (await import(`./${n}.bench.ts`)) as { run: (args: string[]) => Promise<void> };
  console.log(`\n## ${n}`);
  await mod.run(rest);
}
