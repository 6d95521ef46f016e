// The `vigil users|keys|audit` commands as an operator runs them: a real process on a temp data dir
// (or a fresh PostgreSQL database when VIGIL_DATABASE_URL is set).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type CliRun, runVigil } from '../helpers/cli-process.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { freshPostgres } from '../helpers/test-app.ts';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';

describe('vigil users, keys and audit commands', () => {
  let dataDir: string;
  let databaseUrl = '';
  let drop: (() => Promise<void>) | undefined;
  const vigil = (...args: string[]): Promise<CliRun> => runVigil({ dataDir, databaseUrl }, args);
  const withContext = async <T>(fn: (ctx: Awaited<ReturnType<typeof createContext>>) => Promise<T>): Promise<T> => {
    const ctx = await createContext(loadConfig({}, { dataDir, databaseUrl, logLevel: 'silent' }), pino({ level: 'silent' }));
    try {
      return await fn(ctx);
    } finally {
      await ctx.close();
    }
  };

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'vigil-cli-'));
    if (process.env.VIGIL_DATABASE_URL) {
      const pg = await freshPostgres(process.env.VIGIL_DATABASE_URL);
      databaseUrl = pg.url;
      drop = pg.drop;
    }
  });
  after(async () => {
    await drop?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('users add prints a one-time password that logs in; users list shows the user', async () => {
    const add = await vigil('users', 'add', '--email', 'Ops@Example.org', '--role', 'admin');
    assert.equal(add.code, 0, add.stderr);
    const password = /^one-time password: (\S+)$/m.exec(add.stdout)?.[1];
    assert.ok(password && password.length >= 20, add.stdout);
    assert.match(add.stdout, /created admin ops@example\.org \(usr_\w+\)/);
    const check = await withContext((ctx) => ctx.people.users.checkCredentials('ops@example.org', password));
    assert.equal(check.ok, true);

    const list = await vigil('users', 'list');
    assert.equal(list.code, 0);
    assert.match(list.stdout, /ops@example\.org\tadmin\tactive/);
    assert.ok(!list.stdout.includes(password));

    const dup = await vigil('users', 'add', '--email', 'ops@example.org', '--role', 'triage');
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /already exists/);
    const badRole = await vigil('users', 'add', '--email', 'x@example.org', '--role', 'root');
    assert.equal(badRole.code, 1);
    assert.match(badRole.stderr, /role must be one of/);
  });

  test('keys create prints the key once; it authenticates until keys revoke', async () => {
    const noCountry = await vigil('keys', 'create', '--kind', 'authority', '--org', 'Garda');
    assert.equal(noCountry.code, 1);
    assert.match(noCountry.stderr, /needs the country/);

    const created = await vigil('keys', 'create', '--kind', 'authority', '--org', 'Garda', '--country', 'IE');
    assert.equal(created.code, 0, created.stderr);
    const key = /^key: (vgk_\S+)$/m.exec(created.stdout)?.[1];
    const id = /key (key_\w+) for Garda \(IE\)/.exec(created.stdout)?.[1];
    assert.ok(key && id, created.stdout);
    assert.deepEqual(await withContext((ctx) => ctx.people.keys.resolve(key)), { keyId: id, keyKind: 'authority', org: 'Garda', country: 'IE' });

    const list = await vigil('keys', 'list');
    assert.match(list.stdout, new RegExp(`${id}\\tauthority\\tGarda\\tIE\\tactive`));
    assert.ok(!list.stdout.includes(key));

    const revoked = await vigil('keys', 'revoke', id);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal(await withContext((ctx) => ctx.people.keys.resolve(key)), undefined);
    assert.match((await vigil('keys', 'list')).stdout, /\trevoked /);
    assert.equal((await vigil('keys', 'revoke', 'key_nope')).code, 1);
  });

  test('audit verify exits 0 on an intact log and 1 naming the first bad seq', async () => {
    const ok = await vigil('audit', 'verify');
    assert.equal(ok.code, 0, ok.stderr);
    const n = Number(/^audit log intact: (\d+) entries$/m.exec(ok.stdout)?.[1]);
    assert.ok(n >= 3, ok.stdout); // user created, key created, key revoked

    await withContext(async (ctx) => {
      const actions = (await ctx.audit.list({ limit: 100 })).entries.map((e) => [e.action, e.actor.startsWith('cli:')]);
      assert.deepEqual(
        actions
          .filter(([a]) => a !== 'session.login')
          .slice(0, 3)
          .reverse(),
        [
          ['staff_user.created', true],
          ['api_key.created', true],
          ['api_key.revoked', true],
        ],
      );
      await ctx.db.updateTable('audit_log').set({ data: '{"kind":"platform"}' }).where('seq', '=', 2).execute();
    });
    const broken = await vigil('audit', 'verify');
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /audit log broken at seq 2:/);
  });
});
