// /protect in a real browser: a person fingerprints her images on her own device and sends only the
// hashes. Every request the browser makes is recorded to prove no image byte leaves it, and the hashes it
// sent are compared with the server's own decoding of the same files.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { pdqHashFile } from '../src/detection/pdq-decode.ts';
import { hammingDistance } from '../src/detection/pdq/index.ts';
import { patternImage, pngImage } from '../test/helpers/images.ts';
import { SCREENSHOTS, shot, startE2E, type E2E } from './helpers/harness.ts';
import { expectTranslated } from './helpers/translated.ts';

interface Recorded {
  method: string;
  url: string;
  type: string;
  contentType: string;
  body: Buffer | null;
}
interface Sample {
  name: string;
  bytes: Buffer;
  kind: 'png' | 'jpeg';
}

/** Windows of a file's bytes, raw, as base64 and as hex: none may appear in anything the browser sends. */
function fingerprintsOf(bytes: Buffer): string[] {
  const out: string[] = [];
  for (const at of [0, 3 * Math.floor(bytes.length / 6), 3 * Math.floor(bytes.length / 3) - 48]) {
    const w = bytes.subarray(at, at + 48);
    out.push(w.toString('latin1'), w.toString('base64'), w.toString('hex'), w.toString('base64url'));
  }
  out.push(bytes.toString('base64').slice(0, 64));
  return out;
}

describe('protect: a person blocks her images by sending only their fingerprints', () => {
  let e: E2E;
  let page: Page;
  let dir: string;
  let samples: Sample[];
  let owner: { id: string; token: string };
  const requests: Recorded[] = [];
  let access: { caseNumber: string; pin: string };

  before(async () => {
    e = await startE2E();
    owner = await e.api.account('Reposter');
    assert.equal((await e.api.post('/api/v1/channels', { handle: 'leaks', title: 'Leaks' }, { token: owner.token })).status, 201);
    dir = await mkdtemp(path.join(os.tmpdir(), 'vigil-e2e-protect-'));
    const base = await patternImage(21, 1600, 1200, 'png');
    samples = [
      { name: 'beach-1.png', kind: 'png', bytes: await patternImage(20, 1200, 900, 'png') },
      { name: 'beach-2.jpg', kind: 'jpeg', bytes: await sharp(base).jpeg({ quality: 85 }).toBuffer() },
      // As a phone stores a portrait photo: landscape pixels and an EXIF tag saying "rotate 90°".
      {
        name: 'portrait.jpg',
        kind: 'jpeg',
        bytes: await sharp(await patternImage(22, 1024, 768, 'png'))
          .withMetadata({ orientation: 6 })
          .jpeg({ quality: 90 })
          .toBuffer(),
      },
      // One flat colour: no structure to fingerprint (quality < 50), so it must not be sent.
      { name: 'blank.png', kind: 'png', bytes: await pngImage(400, 300, '#808080') },
    ];
    for (const s of samples) await writeFile(path.join(dir, s.name), s.bytes);
    e.context.on('request', (r) => {
      requests.push({ method: r.method(), url: r.url(), type: r.resourceType(), contentType: r.headers()['content-type'] ?? '', body: r.postDataBuffer() });
    });
    page = await e.newPage();
  });
  after(async () => {
    await e?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('images are fingerprinted in a worker and only the hashes are sent; the case number and PIN are shown', async (t) => {
    const started = Date.now();
    await page.goto(`${e.base}/protect`);
    await page.getByRole('heading', { name: 'Protect your intimate images' }).waitFor();
    assert.match(await page.locator('.promise').innerText(), /never leave your device/);

    await page.getByLabel('Choose images').setInputFiles(samples.map((s) => path.join(dir, s.name)));
    await page.getByText('All 4 images have been read.').waitFor();
    t.diagnostic(`4 images (up to 1600×1200) fingerprinted in the browser in ${Date.now() - started} ms including page load`);
    assert.ok(page.workers().length >= 1, 'hashing ran in a worker');
    assert.ok(
      requests.some((r) => /\/assets\/pdq\.worker-[\w-]+\.js$/.test(r.url)),
      'the worker script was loaded (worker requests are recorded too)',
    );
    assert.match(await page.locator('.image-item', { hasText: 'blank.png' }).innerText(), /too low to match reliably/);
    await page.getByText(/Some images are too plain/).waitFor();
    await shot(page, 'protect.png');

    const send = page.getByRole('button', { name: 'Send 3 fingerprints' });
    await send.click();
    await page.getByRole('heading', { name: 'Your fingerprints were sent' }).waitFor();
    const caseNumber = await page.locator('.receipt .case-number').innerText();
    const pin = await page.locator('.receipt .pin').innerText();
    assert.match(caseNumber, /^P-\d{4}-\d{4}-\d{4}$/);
    assert.match(pin, /^\d{8}$/);
    assert.match(await page.locator('.receipt .keep').innerText(), /Keep these safe/);
    await page.getByRole('button', { name: 'Copy case number' }).waitFor();
    await page.getByRole('button', { name: 'Copy PIN' }).waitFor();
    access = { caseNumber, pin };
    await shot(page, 'protect-receipt.png');

    // (a) Nothing the browser sent carries image bytes, and nothing was an upload.
    const sent = requests.filter((r) => r.body && r.body.length > 0);
    assert.deepEqual(
      sent.map((r) => `${r.method} ${new URL(r.url).pathname}`),
      ['POST /api/v1/protect/hashes'],
    );
    for (const r of requests) {
      assert.ok(r.url.startsWith(e.base) || r.url.startsWith('blob:') || r.url.startsWith('data:'), `same origin only: ${r.url}`);
      assert.ok(!/multipart\/form-data|^image\//i.test(r.contentType), `no upload: ${r.method} ${r.url} ${r.contentType}`);
      if (!r.body) continue;
      const latin1 = r.body.toString('latin1');
      for (const s of samples) {
        for (const f of fingerprintsOf(s.bytes)) assert.ok(!latin1.includes(f), `${s.name}'s bytes are in ${r.method} ${r.url}`);
      }
    }
    const body = JSON.parse(sent[0].body!.toString('utf8')) as { hashes: Array<{ pdq: string; quality: number }> };
    assert.deepEqual(Object.keys(body), ['hashes']);
    assert.ok(
      body.hashes.every((h) => Object.keys(h).join() === 'pdq,quality'),
      'only pdq and quality per image',
    );
    assert.ok(sent[0].body!.length < 400, `a small body: ${sent[0].body!.length} bytes`);

    // (b) The browser's hashes are the server's: exact for PNG, within 10 bits for JPEG (decoders may differ).
    assert.equal(body.hashes.length, 3, 'the flat image is not sent');
    const distances: string[] = [];
    for (const s of samples.filter((x) => x.name !== 'blank.png')) {
      const server = await pdqHashFile(s.bytes);
      const nearest = Math.min(...body.hashes.map((h) => hammingDistance(h.pdq, server.hash)));
      distances.push(`${s.name}: ${nearest}`);
      if (s.kind === 'png') assert.equal(nearest, 0, `${s.name}: the browser's hash equals the server's`);
      else assert.ok(nearest <= 10, `${s.name}: distance ${nearest}`);
    }
    // The EXIF rotation is not applied (as on the server): the upright picture would hash far away.
    const upright = await pdqHashFile(await sharp(samples[2].bytes).rotate().jpeg({ quality: 90 }).toBuffer());
    const toUpright = Math.min(...body.hashes.map((h) => hammingDistance(h.pdq, upright.hash)));
    assert.ok(toUpright > 64, `rotated pixels are not what was hashed (distance ${toUpright})`);
    t.diagnostic(`browser vs server PDQ distance: ${distances.join(', ')}; the portrait photo upright would be ${toUpright}`);
  });

  test('a copy posted in a public channel is held; the status page shows the match', async () => {
    const media = await e.api.call('POST', '/api/v1/media', { token: owner.token, raw: samples[0].bytes, contentType: 'image/png' });
    assert.equal(media.status, 201, media.text);
    const post = await e.api.post('/api/v1/channels/leaks/posts', { text: 'look who it is', media: [media.body.id] }, { token: owner.token });
    assert.equal(post.status, 201, post.text);
    assert.equal(post.body.held, true, 'held for review');
    await e.t.ctx.jobRunner.drain(); // the automated report and its match are a job run after the publish

    // She comes back another day: a fresh page, typing her case number and PIN.
    await page.goto(`${e.base}/protect`);
    await page.getByLabel('Case number').fill(access.caseNumber);
    await page.getByLabel('PIN').fill(access.pin);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.locator('.match-summary').waitFor();
    assert.match(await page.locator('.match-summary').innerText(), /One attempt to post your images was caught/);
    const rows = page.locator('.fingerprint');
    assert.equal(await rows.count(), 3);
    assert.deepEqual((await rows.locator('.fp-matches').allInnerTexts()).map((s) => s.replace(/,.*/, '')).sort(), [
      '0 copies found',
      '0 copies found',
      '1 copy found',
    ]);
  });

  test('she withdraws after confirming; the status then shows withdrawn', async () => {
    await page.getByRole('button', { name: 'Withdraw all fingerprints' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw your fingerprints?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Yes, withdraw and delete' }).click();
    await page.getByText('Your fingerprints have been withdrawn and deleted.').waitFor();
    assert.deepEqual(await page.locator('.fingerprint .fp-status').allInnerTexts(), [
      'Withdrawn and deleted',
      'Withdrawn and deleted',
      'Withdrawn and deleted',
    ]);
    assert.equal(await page.getByRole('button', { name: 'Withdraw all fingerprints' }).count(), 0);
    const status = await e.api.post('/api/v1/protect/status', access);
    assert.ok(status.body.withdrawnAt);
    assert.ok(status.body.hashes.every((h: { status: string }) => h.status === 'withdrawn'));
  });

  test('a wrong PIN and too many attempts read plainly', async () => {
    await page.goto(`${e.base}/protect`);
    await page.getByLabel('Case number').fill(access.caseNumber);
    await page.getByLabel('PIN').fill('00000000');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText('We couldn’t find a submission with that case number and PIN.', { exact: false }).waitFor();

    await page.route('**/api/v1/protect/status', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'rate_limited', message: 'Rate limit exceeded' } }),
      }),
    );
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByText(/too many attempts from this connection/).waitFor();
    await page.unroute('**/api/v1/protect/status');
  });

  test('images can be dropped on the page too', async () => {
    await page.goto(`${e.base}/protect`);
    const dataTransfer = await page.evaluateHandle(
      async ({ b64, name }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type: 'image/jpeg' }));
        dt.items.add(new File(['not an image'], 'notes.txt', { type: 'text/plain' }));
        return dt;
      },
      { b64: samples[1].bytes.toString('base64'), name: samples[1].name },
    );
    await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
    await page.getByText('The image has been read.').waitFor();
    await page.getByText('1 file was left out because it is not an image.').waitFor();
    assert.match(await page.locator('.image-item').innerText(), /beach-2\.jpg[\s\S]*Fingerprint ready/);
  });

  test('works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${e.base}/protect`);
    await page.getByLabel('Choose images').setInputFiles([path.join(dir, samples[0].name)]);
    await page.getByText('The image has been read.').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'protect-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('in Arabic: the form, the receipt and the check are right to left with no English left', async () => {
    await page.goto(`${e.base}/protect?lang=ar`);
    await page.locator('.protect-work h2').first().waitFor();
    await expectTranslated(page, 'ar', 'the protect page');
    await page.locator('.drop-zone input[type="file"]').setInputFiles([path.join(dir, samples[0].name), path.join(dir, samples[3].name)]);
    await page.getByText('قُرئت الصورتان.').waitFor();
    await page.locator('.image-problem').waitFor();
    await expectTranslated(page, 'ar', 'the protect page with images chosen');
    await page.locator('.send-button').click();
    await page.locator('.receipt').waitFor();
    assert.equal(await page.locator('#receipt-h').innerText(), 'أُرسلت بصماتك');
    await expectTranslated(page, 'ar', 'the protect receipt');
    await page.locator('.check-form button[type="submit"]').click();
    await page.locator('.match-summary').waitFor();
    assert.equal(await page.locator('.match-summary').innerText(), 'لم يُعثر على أي نسخ حتى الآن.');
    await expectTranslated(page, 'ar', 'the protect status');
    await page.getByRole('button', { name: 'اسحب كل البصمات' }).click();
    await page.getByRole('dialog', { name: 'أتسحب بصماتك؟' }).waitFor();
    await expectTranslated(page, 'ar', 'the withdraw dialog');
    await page.getByRole('button', { name: 'إلغاء' }).click();
    await page.context().clearCookies();
  });

  test('no CSP violations or uncaught errors', () => {
    assert.deepEqual(e.problems, []);
  });
});
