// The example forum (examples/forum) as a separate process, the way its README runs it: on a given port,
// answering before the test goes on, stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../examples/forum/src/main.ts', import.meta.url));

export interface ForumProcess {
  child: ChildProcess;
  base: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startForumProcess(env: {
  VIGIL_URL: string;
  VIGIL_PLATFORM_KEY: string;
  VIGIL_WEBHOOK_SECRET: string;
  FORUM_PORT: number;
}): Promise<ForumProcess> {
  const base = `http://127.0.0.1:${env.FORUM_PORT}`;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, FORUM_PORT: String(env.FORUM_PORT), FORUM_HOST: '127.0.0.1', FORUM_PUBLIC_URL: base },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the forum exited early (${child.exitCode}):\n${out}`);
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the forum did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    base,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
