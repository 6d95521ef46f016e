// The real server as a separate process (`node src/main.ts serve`), the way it runs in production:
// started on a free port, healthy before the test goes on, stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `vigil serve` with these variables over the test's environment; resolves once /healthz answers (a
 * `--role worker` process, which serves no HTTP, once it logs that it runs jobs). On a free port, or on
 * `port` (a restart where the previous process listened). When `signal` aborts (the test timed out), the
 * process is killed, even while it is still starting.
 */
export async function startServerProcess(
  env: NodeJS.ProcessEnv,
  opts: { role?: 'api' | 'worker' | 'all'; port?: number; signal?: AbortSignal } = {},
): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const child = spawn(process.execPath, [MAIN, 'serve', ...(opts.role ? ['--role', opts.role] : [])], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const kill = () => child.kill('SIGKILL');
  opts.signal?.addEventListener('abort', kill, { once: true });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      opts.signal?.removeEventListener('abort', kill);
      resolve({ code, signal });
    }),
  );
  const deadline = Date.now() + 45_000; // a start takes 2–3 s alone, and 20 s or more on a machine running other suites
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited early (${child.exitCode ?? child.signalCode}):\n${out}`);
    if (opts.role === 'worker') {
      if (out.includes('Vigil is running jobs')) break;
    } else {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (r.ok) break;
      } catch {
        /* not listening yet */
      }
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not become healthy:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, base: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** SIGTERM, then the exit (rejects if it takes more than 10 s). */
export function stopServerProcess(s: ServerProcess) {
  if (s.child.exitCode === null) s.child.kill('SIGTERM');
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit 10 s after SIGTERM:\n${s.output()}`)), 10_000).unref());
  return Promise.race([s.exited, timeout]);
}
