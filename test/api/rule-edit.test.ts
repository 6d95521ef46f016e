// Editing the rule files through the API: admins read a file with its version and save a new text, which
// is checked against the rule schema before anything is written (400 naming the place), refused when the
// file changed since (409), written whole, audited with its diff and put in force at once; a rule's state
// changes in its file, comments kept. Runs on SQLite and, with VIGIL_DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Api, apiClient } from '../helpers/api.ts';
import { staffToken } from '../helpers/people.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const RULES = `# Card shops: reviewed by the fraud team.
rules:
  - id: edit.cvv
    description: Sale of card data.
    category: fraud
    state: shadow # until the precision is measured
    languages: [en]
    fields: [post_text]
    keywords:
      en: [fresh cvv]
    score: 0.8
`;

describe('rule file editing', () => {
  let t: TestApp;
  let api: Api;
  let dir: string;
  let admin: string;
  let moderator: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-rule-edit-'));
    await writeFile(path.join(dir, 'cards.yaml'), RULES);
    await writeFile(path.join(dir, 'other.json'), JSON.stringify({ rules: [] }));
    t = await startTestApp({ rulesDir: dir });
    api = apiClient(t.app);
    admin = await staffToken(t, 'admin');
    moderator = await staffToken(t, 'moderator');
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const open = async (name: string) => {
    const r = await api.get(`/api/v1/rules/files/${name}`, { token: admin });
    assert.equal(r.status, 200, r.text);
    return r.body as { name: string; text: string; version: string };
  };
  const put = (url: string, body: unknown, token?: string) => api.call('PUT', url, { body, token });
  const save = (name: string, text: string, version: string, token = admin) => put(`/api/v1/rules/files/${name}`, { text, version }, token);
  const onDisk = () => readFile(path.join(dir, 'cards.yaml'), 'utf8');
  const audit = async () => (await api.get('/api/v1/admin/audit', { token: admin })).body.entries as any[];

  test('moderators read the files; only admins save them', async () => {
    const list = await api.get('/api/v1/rules/files', { token: moderator });
    assert.equal(list.status, 200, list.text);
    assert.deepEqual(
      list.body.files.map((f: any) => [f.name, f.rules]),
      [
        ['cards.yaml', ['edit.cvv']],
        ['other.json', []],
      ],
    );
    const f = await open('cards.yaml');
    assert.equal(f.text, RULES);
    const refused = await save('cards.yaml', RULES.replace('state: shadow', 'state: live'), f.version, moderator);
    assert.equal(refused.status, 403);
    assert.equal((await put('/api/v1/rules/edit.cvv/state', { state: 'live' }, moderator)).status, 403);
    assert.equal((await put('/api/v1/rules/files/cards.yaml', { text: RULES, version: f.version })).status, 401);
    assert.equal(await onDisk(), RULES, 'nothing written');
    assert.equal((await api.get('/api/v1/rules/files/missing.yaml', { token: admin })).status, 404);
    assert.equal((await api.get('/api/v1/rules/files/..%2Fsecret.yaml', { token: admin })).status, 400);
  });

  test('a text failing the schema is refused with the place and the message, and nothing is written', async () => {
    const f = await open('cards.yaml');
    const r = await save('cards.yaml', RULES.replace('state: shadow', 'state: loud'), f.version);
    assert.equal(r.status, 400, r.text);
    assert.equal(r.body.error.code, 'invalid_rule_file');
    assert.match(r.body.error.message, /^cards\.yaml: \/rules\/0\/state /);
    assert.equal(r.body.error.details[0].field, '/rules/0/state');
    const yaml = await save('cards.yaml', 'rules: [', f.version);
    assert.equal(yaml.status, 400);
    assert.match(yaml.body.error.message, /not valid YAML/);
    // Faults beyond the schema: an unknown policy category.
    const category = await save('cards.yaml', RULES.replace('category: fraud', 'category: gossip'), f.version);
    assert.equal(category.status, 400);
    assert.match(category.body.error.message, /gossip/);
    assert.equal(await onDisk(), RULES);
    assert.deepEqual((await readdir(dir)).sort(), ['cards.yaml', 'other.json'], 'no temporary file left');
    assert.ok(!(await audit()).some((e) => e.action === 'rules.file_saved'));
  });

  test('a save is audited with its diff and in force at once; a save from an old version is refused', async () => {
    const f = await open('cards.yaml');
    const next = RULES.replace('state: shadow', 'state: live');
    const r = await save('cards.yaml', next, f.version);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.rules, 1);
    assert.notEqual(r.body.version, f.version);
    assert.equal(await onDisk(), next);
    const rules = (await api.get('/api/v1/rules', { token: moderator })).body.rules;
    assert.equal(rules.find((x: any) => x.id === 'edit.cvv').state, 'live');
    const entry = (await audit()).find((e) => e.action === 'rules.file_saved');
    assert.ok(entry);
    assert.equal(entry.target, 'rules/cards.yaml');
    assert.equal(entry.data.before, f.version);
    assert.equal(entry.data.after, r.body.version);
    assert.match(entry.data.diff, /^- {4}state: shadow # until the precision is measured$/m);
    assert.match(entry.data.diff, /^\+ {4}state: live # until the precision is measured$/m);

    // Another admin's save from the version before: refused, with the file's version now.
    const stale = await save('cards.yaml', RULES.replace('0.8', '0.9'), f.version);
    assert.equal(stale.status, 409, stale.text);
    assert.equal(stale.body.error.code, 'rule_file_changed');
    assert.equal(stale.body.error.details.version, r.body.version);
    assert.equal(await onDisk(), next);
  });

  test("a rule's state changes in its file, the comments kept, audited", async () => {
    const r = await put('/api/v1/rules/edit.cvv/state', { state: 'draft' }, admin);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.file, 'cards.yaml');
    const text = await onDisk();
    assert.match(text, /^# Card shops: reviewed by the fraud team\.$/m);
    assert.match(text, /state: draft/);
    assert.equal((await api.get('/api/v1/rules', { token: moderator })).body.rules[0].state, 'draft');
    const entry = (await audit()).find((e) => e.action === 'rules.state_changed');
    assert.deepEqual([entry.data.rule, entry.data.from, entry.data.to], ['edit.cvv', 'live', 'draft']);
    assert.equal((await put('/api/v1/rules/nope/state', { state: 'live' }, admin)).status, 404);
    assert.equal((await put('/api/v1/rules/edit.cvv/state', { state: 'loud' }, admin)).status, 400);
  });
});
