// `vigil demo`: seeds a living reference platform into an empty data dir through the application's own
// services (the same validation, media sniffing and storage as the API), then prints links to open.
// Deterministic content; only ids and tokens differ between runs.
import type { Config } from '../config.ts';
import { createContext, type AppContext } from '../context.ts';
import { createLogger } from '../logger.ts';
import { avatarImage, sceneImage, stickerImage, type ImageFormat } from './art.ts';
import { BOTS, CHANNELS, DEMO_EDITOR, GROUP, READERS, STICKER_SET } from './content.ts';
import type { Reporter } from '../intake/reporter.ts';

export interface DemoOutput {
  log(message: string): void;
  error(message: string): void;
}

export interface DemoSummary {
  editor: { id: string; token: string };
  channels: Array<{ handle: string; title: string; lang: string; posts: number; subscribers: number; moderationNote?: string }>;
  bots: string[];
  stickerSet: string;
  group: { id: string; members: number; messages: number };
  chatId: string;
}

const RTL = new Set(['ar', 'ckb', 'fa']);

export async function runDemo(config: Config, out: DemoOutput = console): Promise<void> {
  const started = performance.now();
  // The demo talks to people on the terminal; the service's own info logs would only be noise here.
  const ctx = await createContext(config, createLogger(config.logLevel === 'debug' || config.logLevel === 'trace' ? config.logLevel : 'warn'));
  try {
    const existing = await ctx.channels.count();
    if (existing > 0) {
      const where = config.databaseUrl ? 'The PostgreSQL database (VIGIL_DATABASE_URL)' : `The data dir ${config.dataDir}`;
      out.error(
        `${where} already has ${existing} channel${existing === 1 ? '' : 's'}, so the demo will not seed it: ` +
          'it only fills an empty platform, so that demo content never mixes with real data.\n' +
          'Use a fresh data dir, for example: VIGIL_DATA_DIR=./demo-data npm run demo',
      );
      process.exitCode = 1;
      return;
    }
    const summary = await seed(ctx);
    const moderation = await seedModeration(ctx);
    printSummary(out, config, summary, performance.now() - started);
    printModeration(out, config, moderation);
  } finally {
    await ctx.close();
  }
}

async function seed(ctx: AppContext): Promise<DemoSummary> {
  // Accounts: channel owners, readers, and the demo editor whose token is printed.
  const accounts = new Map<string, { id: string; token: string }>();
  const account = async (name: string) => {
    let a = accounts.get(name);
    if (!a) {
      a = await ctx.accounts.create(name);
      accounts.set(name, a);
    }
    return a;
  };
  const editor = await account(DEMO_EDITOR);
  for (const c of CHANNELS) await account(c.owner);
  const readers = [];
  for (const name of READERS) readers.push(await account(name));

  // Pictures are rendered up front (in parallel: sharp works off the main thread), uploaded in order.
  let imageSeed = 0;
  const jobs: Array<Promise<Buffer>> = [];
  const plan = CHANNELS.map((c) =>
    c.posts.map((p) => {
      if (!p.image) return -1;
      imageSeed++;
      const format: ImageFormat = imageSeed % 3 === 0 ? 'png' : 'jpeg';
      jobs.push(sceneImage(p.image, imageSeed, format));
      return jobs.length - 1;
    }),
  );
  const avatarJob = jobs.push(avatarImage(7)) - 1;
  const stickerJobs = Array.from({ length: STICKER_SET.count }, (_, i) => jobs.push(stickerImage(i + 1)) - 1);
  const groupImageJobs = GROUP.messages.map((m) => (m.image ? jobs.push(sceneImage(m.image, 99, 'jpeg', 480, 320)) - 1 : -1));
  const images = await Promise.all(jobs);

  const channels: DemoSummary['channels'] = [];
  for (const [ci, c] of CHANNELS.entries()) {
    const owner = await account(c.owner);
    await ctx.channels.create(owner.id, { handle: c.handle, title: c.title, description: c.description });
    for (const [pi, p] of c.posts.entries()) {
      const job = plan[ci][pi];
      const media = job >= 0 ? [(await ctx.media.upload(owner.id, images[job])).id] : [];
      await ctx.channels.publish(owner.id, c.handle, { text: p.text, media }, {});
    }
    // Varied, deterministic audiences: between 3 and all of the readers.
    const audience = readers.filter((_, ri) => (ri * 7 + ci * 3) % (2 + (ci % 5)) === 0 || ri < 3);
    for (const r of audience) await ctx.channels.subscribe(r.id, c.handle, {});
    channels.push({ handle: c.handle, title: c.title, lang: c.lang, posts: c.posts.length, subscribers: 0, moderationNote: c.moderationNote });
  }
  // The editor also helps run a channel they do not own: admins publish as the channel too.
  const news = CHANNELS[0];
  await ctx.channels.addAdmin((await account(news.owner)).id, news.handle, editor.id);
  await ctx.channels.publish(editor.id, news.handle, { text: 'تذكير: ورشة التصوير للشباب يوم الأحد في المكتبة العامة.' }, {});
  channels[0].posts++;
  for (const handle of ['open_source_weekly', 'coin_des_poetes', 'veloria_budget_watch']) await ctx.channels.subscribe(editor.id, handle, {});
  for (const c of channels) c.subscribers = (await ctx.channels.findRaw(c.handle)).subscriber_count;

  // Bots.
  const bots: string[] = [];
  for (const b of BOTS) {
    const picture = b.picture ? (await ctx.media.upload(editor.id, images[avatarJob])).id : undefined;
    await ctx.bots.create(editor.id, { handle: b.handle, description: b.description, picture });
    bots.push(b.handle);
  }

  // A sticker set.
  const stickers = [];
  for (const job of stickerJobs) stickers.push((await ctx.media.upload(editor.id, images[job])).id);
  await ctx.stickerSets.create(editor.id, { name: STICKER_SET.name, title: STICKER_SET.title, stickers });

  // A private group with a few members and messages, and a one-to-one chat.
  const group = await ctx.conversations.createGroup(editor.id, GROUP.title);
  for (const i of GROUP.members) await ctx.conversations.addMember(editor.id, group.id, readers[i].id);
  for (const [mi, m] of GROUP.messages.entries()) {
    const sender = m.from < 0 ? editor : readers[m.from];
    const job = groupImageJobs[mi];
    const media = job >= 0 ? (await ctx.media.upload(sender.id, images[job])).id : undefined;
    await ctx.conversations.send('group', group.id, sender.id, { text: m.text, media });
  }
  const friend = readers[GROUP.members[1]];
  const chat = await ctx.conversations.openChat(editor.id, friend.id);
  await ctx.conversations.send('chat', chat.id, friend.id, { text: 'سڵاو! کتێبەکەت پێ گەیشت؟' });
  await ctx.conversations.send('chat', chat.id, editor.id, { text: 'Yes, thank you! See you on Thursday.' });

  return {
    editor,
    channels,
    bots,
    stickerSet: STICKER_SET.name,
    group: { id: group.id, members: 1 + GROUP.members.length, messages: GROUP.messages.length },
    chatId: chat.id,
  };
}

function printSummary(out: DemoOutput, config: Config, s: DemoSummary, ms: number): void {
  const url = config.publicUrl.replace(/\/+$/, '');
  const regular = s.channels.filter((c) => !c.moderationNote);
  const forModeration = s.channels.filter((c) => c.moderationNote);
  const width = Math.max(...s.channels.map((c) => `${url}/c/${c.handle}`.length)) + 2;
  const posts = s.channels.reduce((n, c) => n + c.posts, 0);
  const lines = [
    `Vigil demo seeded in ${(ms / 1000).toFixed(1)} s: ${s.channels.length} channels with ${posts} posts, ${s.bots.length} bots, ` +
      `1 sticker set, 1 private group (${s.group.members} members) and 1 chat.`,
    `Where: ${config.databaseUrl ? 'the PostgreSQL database in VIGIL_DATABASE_URL' : config.dataDir} (media files in ${config.dataDir}).`,
    '',
    'Start the server on the same data, then open the links:',
    config.databaseUrl ? `  VIGIL_DATA_DIR=${config.dataDir} VIGIL_DATABASE_URL=… npm start` : `  VIGIL_DATA_DIR=${config.dataDir} npm start`,
    '',
    'Channels',
    ...regular.map(
      (c) => `  ${`${url}/c/${c.handle}`.padEnd(width)}${c.title}  [${c.lang}${RTL.has(c.lang) ? ', right-to-left' : ''}] · ${c.subscribers} subscribers`,
    ),
    '',
    'One post, a bot, the sticker set',
    `  ${url}/c/${regular[0].handle}/1`,
    ...s.bots.map((b) => `  ${url}/bot/${b}`),
    `  ${url}/stickers/${s.stickerSet}`,
    '',
    'For trying moderation (fictional content)',
    ...forModeration.map((c) => `  ${`${url}/c/${c.handle}`.padEnd(width)}${c.moderationNote}`),
    '',
    `API documentation: ${url}/api/docs`,
    '',
    `Try the API as "${DEMO_EDITOR}" (owns open_source_weekly, admins madina_news, is in the private group):`,
    `  export VIGIL_TOKEN=${s.editor.token}`,
    `  curl -H "Authorization: Bearer $VIGIL_TOKEN" ${url}/api/v1/groups/${s.group.id}/messages`,
    `  curl -H "Authorization: Bearer $VIGIL_TOKEN" -H 'content-type: application/json' \\`,
    `       -d '{"text":"Hello from the API"}' ${url}/api/v1/channels/open_source_weekly/posts`,
    `  Private group: ${s.group.id} · chat: ${s.chatId}`,
  ];
  out.log(lines.join('\n'));
}

/**
 * Gives the console something to review: reports about the two moderation channels from several kinds of
 * reporter (in-app, trusted flagger, authority, anonymous), and a demo administrator to sign in with.
 */
async function seedModeration(ctx: AppContext) {
  const { user, password } = await ctx.people.users.create({ email: 'admin@vigil.demo', role: 'admin' }, { actor: 'cli:demo' });
  const flagger = await ctx.people.keys.create({ kind: 'trusted_flagger', org: 'Demo Helpline', country: null }, 'cli:demo');
  const authority = await ctx.people.keys.create({ kind: 'authority', org: 'Veloria Ministry of Information (fictional)', country: 'IQ' }, 'cli:demo');
  const reporter = (i: number): Reporter => ({ source: 'in_app', key: `acc:demo-reader-${i}`, accountId: null, label: `demo reader ${i}`, country: null });
  for (let i = 0; i < 12; i++) {
    await ctx.reports.submit(
      { subject: '/c/fast_cash_guaranteed', category: i % 3 ? 'fraud' : 'spam', explanation: 'Sells hacked accounts and promises fake returns.' },
      reporter(i),
    );
  }
  await ctx.reports.submit(
    { subject: '/c/fast_cash_guaranteed/1', category: 'fraud', explanation: 'Selling stolen accounts; victims have contacted our helpline.' },
    { source: 'trusted_flagger', key: `key:${flagger.id}`, accountId: null, label: 'trusted flagger: Demo Helpline', country: null },
  );
  await ctx.reports.submit(
    {
      subject: '/c/veloria_budget_watch',
      category: 'other',
      explanation: 'Insults state institutions.',
      jurisdiction: 'IQ',
      legalBasis: 'Media Law art. 12 (fictional)',
    },
    { source: 'authority', key: `key:${authority.id}`, accountId: null, label: 'authority: Veloria Ministry of Information (fictional) (IQ)', country: 'IQ' },
  );
  const anonymous: Reporter = { source: 'anonymous', key: 'anon:demo', accountId: null, label: 'anonymous', country: null };
  await ctx.reports.submit(
    {
      subject: '/c/fast_cash_guaranteed',
      category: 'extortion',
      explanation: 'They threaten to publish my photos unless I pay.',
      bonaFide: true,
      lifeAtRisk: true,
    },
    anonymous,
  );
  if (!password) throw new Error('the demo administrator was created without a one-time password');
  return { email: user.email, password };
}

function printModeration(out: DemoOutput, config: Config, m: { email: string; password: string }): void {
  const url = config.publicUrl;
  out.log(
    [
      '',
      'Moderation: reports about fast_cash_guaranteed and veloria_budget_watch are waiting in the console.',
      `  ${url}/console   sign in as ${m.email} with the one-time password ${m.password}`,
      `  ${url}/report    report something yourself; ${url}/protect to try victim hash submission`,
    ].join('\n'),
  );
}
