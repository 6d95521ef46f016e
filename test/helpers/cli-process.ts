// The `vigil` command as an operator runs it: a real process (`node src/main.ts …`) on the test's data
// directory and database, with its exit code and output.
import { execFile } from 'node:child_process';
import path from 'node:path';

const MAIN = path.resolve(import.meta.dirname, '../../src/main.ts');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `vigil <args…>` against `dataDir` and `databaseUrl` (empty: SQLite in the data dir); never rejects. */
export function runVigil(
  where: { dataDir: string; databaseUrl: string },
  args: string[],
  opts: { timeout?: number; maxBuffer?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      {
        env: { ...process.env, VIGIL_DATA_DIR: where.dataDir, VIGIL_DATABASE_URL: where.databaseUrl, VIGIL_ADMIN_EMAIL: '', LOG_LEVEL: 'warn' },
        timeout: opts.timeout ?? 60_000,
        ...(opts.maxBuffer ? { maxBuffer: opts.maxBuffer } : {}),
      },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}
