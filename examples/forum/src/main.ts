// Starts the example forum: `node examples/forum/src/main.ts` from the repository (see ../README.md).
import { buildForum } from './forum.ts';

function required(name: string): string {
  const v = process.env[name];
  if (!v) {
    console.error(`${name} must be set (see examples/forum/README.md)`);
    process.exit(1);
  }
  return v;
}

const port = Number(process.env.FORUM_PORT ?? 3001);
const host = process.env.FORUM_HOST ?? '127.0.0.1';
const app = buildForum({
  vigilUrl: process.env.VIGIL_URL ?? 'http://localhost:8080',
  platformKey: required('VIGIL_PLATFORM_KEY'),
  webhookSecret: required('VIGIL_WEBHOOK_SECRET'),
  publicUrl: (process.env.FORUM_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
await app.listen({ port, host });
