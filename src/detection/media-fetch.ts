// Fetches a connected platform's media by URL, so it is scanned like media sent as bytes. Guarded like
// outbound webhooks: http(s) only, no credentials in the URL, the address checked when connecting
// (shared/guarded-http.ts: private, loopback and link-local addresses refused unless allowed), no
// redirects, a time limit for the whole fetch and a byte limit counted while reading.
import { GuardedHttp } from '../shared/guarded-http.ts';

export interface MediaFetchOptions {
  maxBytes: number;
  timeoutMs: number;
  allowPrivate: boolean;
}

export type Fetched = { ok: true; bytes: Buffer } | { ok: false; reason: string };

export class MediaFetcher {
  #o: MediaFetchOptions;
  #outbound: GuardedHttp;
  constructor(opts: MediaFetchOptions) {
    this.#o = opts;
    this.#outbound = new GuardedHttp(opts.allowPrivate);
  }

  fetch(url: string): Promise<Fetched> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return Promise.resolve({ ok: false, reason: 'not a valid URL' });
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return Promise.resolve({ ok: false, reason: 'not an http(s) URL' });
    if (target.username || target.password) return Promise.resolve({ ok: false, reason: 'credentials in the URL' });
    const { client, agent } = this.#outbound.for(target);
    return new Promise((resolve) => {
      let settled = false;
      const done = (r: Fetched) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      const req = client.get(target, { agent, headers: { 'user-agent': 'Vigil-Media-Scan/1', accept: 'image/*, */*' } }, (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          res.resume();
          req.destroy();
          return done({ ok: false, reason: `the platform answered ${status}` });
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > this.#o.maxBytes) {
          req.destroy();
          return done({ ok: false, reason: `larger than ${this.#o.maxBytes} bytes` });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > this.#o.maxBytes) {
            req.destroy();
            done({ ok: false, reason: `larger than ${this.#o.maxBytes} bytes` });
          } else chunks.push(chunk);
        });
        res.on('end', () => done(size === 0 ? { ok: false, reason: 'empty' } : { ok: true, bytes: Buffer.concat(chunks) }));
        res.on('error', (err) => done({ ok: false, reason: err.message }));
      });
      req.on('error', (err) => done({ ok: false, reason: err.message }));
      const timer = setTimeout(() => {
        req.destroy();
        done({ ok: false, reason: `no answer within ${this.#o.timeoutMs} ms` });
      }, this.#o.timeoutMs);
    });
  }
}
