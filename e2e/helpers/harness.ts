// The browser suite's world: the real server on a temporary database and a free port, and Debian's
// Chromium driven by playwright-core. The web app must be built first (`npm run build:web`).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { apiClient, type Api } from '../../test/helpers/api.ts';
import type { Config } from '../../src/config.ts';

export const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2E {
  t: TestApp;
  api: Api;
  base: string;
  context: BrowserContext;
  /** A new tab that records page errors and CSP violations (see `problems`). */
  newPage(): Promise<Page>;
  /** Uncaught page errors and CSP refusals seen so far, in any tab. */
  problems: string[];
  close(): Promise<void>;
}

/** `config` changes the server's configuration (e.g. a temporary rules folder a test may edit). */
export async function startE2E(config: Partial<Config> = {}): Promise<E2E> {
  if (!existsSync(BUILT)) throw new Error('dist/web is missing: run `npm run build:web` before `npm run test:e2e`.');
  // Without this, a machine lacking Chromium waits on the launch instead of failing.
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: \`apt-get install -y chromium\`, or set CHROMIUM_PATH.`);
  const t = await startTestApp({ anonReportsPerMinute: 1000, ...config });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'vigil-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Fail fast: every step here should take well under a second.
  context.setDefaultTimeout(15_000);
  const problems: string[] = [];
  const watch = (page: Page) => {
    if (process.env.E2E_DEBUG) {
      const t0 = Date.now();
      page.on('request', (r) => console.log(Date.now() - t0, '->', r.method(), r.url()));
      page.on('requestfinished', (r) => console.log(Date.now() - t0, '<-', r.url()));
      page.on('requestfailed', (r) => console.log(Date.now() - t0, 'failed', r.url(), r.failure()?.errorText));
      page.on('console', (m) => console.log('console:', m.text()));
    }
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
    });
  };
  context.on('page', watch);
  for (const p of context.pages()) watch(p);
  return {
    t,
    api: apiClient(t.app),
    base: address.replace('localhost', '127.0.0.1'),
    context,
    problems,
    newPage: () => context.newPage(),
    async close() {
      await context.close().catch(() => {});
      await t.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, name) });
