// A bare database for migration tests: SQLite in a temp dir, or a new PostgreSQL database when
// VIGIL_DATABASE_URL is set. No migration is applied; the test applies what it needs (migrateUpTo).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { freshPostgres } from './test-app.ts';

export async function freshDatabase(): Promise<{ db: Db; close(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-migration-'));
  const pgdb = process.env.VIGIL_DATABASE_URL ? await freshPostgres(process.env.VIGIL_DATABASE_URL) : undefined;
  const { db } = openDatabase({ dataDir, databaseUrl: pgdb?.url ?? '' });
  return {
    db,
    async close() {
      await db.destroy();
      await pgdb?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
