// Vigil tells the forum what to hide and what to show again by signed webhooks (Standard Webhooks). The
// signature is checked on the raw body, before anything is parsed; each message is applied once (Vigil
// delivers at least once, under the same `webhook-id`), and an event older than the last one applied to
// a post is ignored (retries can arrive out of order).
import type { FastifyInstance } from 'fastify';
import { Webhook } from 'standardwebhooks';
import type { Posts } from './posts.ts';
import { BOARD_ID } from './vigil.ts';

interface Subject {
  platform: string;
  kind: string;
  id: string;
  /** The forum's own id of the post or board: the one it registered. */
  externalId?: string;
}

interface VigilEvent {
  type: string;
  timestamp: string;
  data: { subject: Subject; statement?: string; notice?: string | null };
}

/** Remembers the last `limit` message ids, oldest forgotten first. */
class SeenIds {
  #ids = new Set<string>();
  #limit: number;
  constructor(limit: number) {
    this.#limit = limit;
  }
  has(id: string): boolean {
    return this.#ids.has(id);
  }
  add(id: string): void {
    this.#ids.add(id);
    if (this.#ids.size > this.#limit) this.#ids.delete(this.#ids.values().next().value as string);
  }
}

const HIDE = new Set(['post.removed', 'subject.actioned', 'content.held']);
const SHOW = new Set(['content.released', 'subject.restored']);

/** What one event does to the forum: a hidden post shows the moderator's statement of reasons. A restriction in one country hides everywhere: this forum does not know where its readers are. */
export function apply(posts: Posts, e: VigilEvent): void {
  const { subject } = e.data;
  if (!subject.externalId || !(HIDE.has(e.type) || SHOW.has(e.type))) return;
  const notice = HIDE.has(e.type) ? (e.data.statement ?? e.data.notice ?? 'This post is awaiting review by a moderator.') : null;
  if (subject.kind === 'channel' && subject.externalId === BOARD_ID) posts.changeBoard(e.timestamp, notice);
  else if (subject.kind === 'post') posts.change(subject.externalId, e.timestamp, notice === null ? 'published' : 'hidden', notice);
}

export function webhookRoutes(posts: Posts, secret: string) {
  const webhook = new Webhook(secret);
  const seen = new SeenIds(10_000);
  return async (scope: FastifyInstance) => {
    // The raw body: a signature covers the exact bytes sent, not a re-serialised object.
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));
    scope.post('/vigil/webhooks', async (req, reply) => {
      const header = (name: string) => String(req.headers[name] ?? '');
      let event: VigilEvent;
      try {
        event = webhook.verify(req.body as string, {
          'webhook-id': header('webhook-id'),
          'webhook-timestamp': header('webhook-timestamp'),
          'webhook-signature': header('webhook-signature'),
        }) as VigilEvent;
      } catch {
        req.log.warn('a webhook with a bad signature was refused');
        return reply.code(401).send({ error: 'bad signature' });
      }
      const id = header('webhook-id');
      if (!seen.has(id)) {
        apply(posts, event);
        seen.add(id);
      }
      return reply.code(204).send();
    });
  };
}
