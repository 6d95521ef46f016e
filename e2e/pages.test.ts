// Pages that are not the web app, in a real browser: the API documentation and the public previews.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startE2E, type E2E } from './helpers/harness.ts';

describe('server pages in the browser', () => {
  let e: E2E;

  before(async () => { e = await startE2E(); });
  after(async () => { await e?.close(); });

  test('/api/docs shows the routes, with a viewport tag and no CSP refusal', async () => {
    const page = await e.newPage();
    const before = e.problems.length;
    const res = await page.goto(`${e.base}/api/docs`);
    assert.equal(res?.status(), 200);
    // Swagger UI is 1.6 MB of script to parse: allow it longer than the suite's usual step on a busy machine.
    await page.getByText('/api/v1/reports', { exact: true }).first().waitFor({ timeout: 60_000 });
    assert.ok(await page.locator('.opblock').count() > 20, 'the operations are listed');
    assert.equal(await page.locator('meta[name="viewport"]').getAttribute('content'), 'width=device-width, initial-scale=1');
    assert.deepEqual(e.problems.slice(before), []);
    await page.close();
  });
});
