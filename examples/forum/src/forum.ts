// The example forum: public posts (text and an optional image) that Vigil checks before they are shown,
// and hides or shows again when its webhooks say so. Built as a Fastify app, apart from listening.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { boardPage, postPage } from './pages.ts';
import { type Post, Posts } from './posts.ts';
import { type Outcome, VigilConnection } from './vigil.ts';
import { webhookRoutes } from './webhooks.ts';

export interface ForumConfig {
  vigilUrl: string;
  platformKey: string;
  webhookSecret: string;
  /** Where readers reach the forum: posts are registered with Vigil under these URLs. */
  publicUrl: string;
}

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const fail = (code: string, message: string) => ({ error: { code, message } });

interface NewPost {
  author: string;
  text: string;
  imageBase64?: string;
}
const newPostSchema = {
  type: 'object',
  required: ['author', 'text'],
  additionalProperties: false,
  properties: {
    author: { type: 'string', minLength: 1, maxLength: 64 },
    text: { type: 'string', maxLength: 5000 },
    imageBase64: { type: 'string', maxLength: Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 4 },
  },
} as const;

export function buildForum(config: ForumConfig) {
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' }, bodyLimit: 8 * 1024 * 1024 });
  const posts = new Posts();
  const vigil = new VigilConnection(config);

  /** A post as its author sees it: published, or not, and why. */
  const view = (post: Post) => {
    const visible = posts.visible(post);
    return { id: post.id, url: vigil.postUrl(post.id), state: visible ? 'published' : post.state, notice: visible ? null : (posts.boardNotice ?? post.notice) };
  };

  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', "default-src 'none'; img-src 'self'");
    reply.header('x-content-type-options', 'nosniff');
  });

  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(boardPage(posts)));

  app.get<{ Params: { id: string } }>('/posts/:id', async (req, reply) => {
    const post = posts.get(req.params.id);
    if (!post || post.state === 'checking') return reply.code(404).type('text/html; charset=utf-8').send('<!doctype html><p>No such post.</p>');
    return reply.type('text/html; charset=utf-8').send(postPage(posts, post));
  });

  app.get<{ Params: { id: string } }>('/media/:id', async (req, reply) => {
    const post = posts.get(req.params.id);
    if (!post?.image || !posts.visible(post)) return reply.code(404).send(fail('not_found', 'No such image.'));
    return reply.type(post.image.mime).send(post.image.bytes);
  });

  /** A post as JSON, for its author and for tests: its state and, when hidden, why. */
  app.get<{ Params: { id: string } }>('/api/posts/:id', async (req, reply) => {
    const post = posts.get(req.params.id);
    if (!post) return reply.code(404).send(fail('not_found', 'No such post.'));
    return view(post);
  });

  // A new post is shown only once Vigil allows it: refused ones are dropped with the reason, held ones wait.
  app.post<{ Body: NewPost }>('/api/posts', { schema: { body: newPostSchema } }, async (req, reply) => {
    const { author, text, imageBase64 } = req.body;
    let image: Post['image'] = null;
    if (imageBase64) {
      const bytes = Buffer.from(imageBase64, 'base64');
      const mime = (await fileTypeFromBuffer(bytes))?.mime;
      if (!mime || !IMAGE_TYPES.has(mime)) return reply.code(415).send(fail('not_an_image', 'The image must be a PNG, JPEG, GIF or WebP file.'));
      image = { bytes, mime };
    }
    const at = new Date().toISOString();
    const post: Post = { id: randomUUID().slice(0, 8), author, text, image, createdAt: at, state: 'checking', notice: null, changedAt: '' };
    // Stored before asking, so a webhook about it arriving before Vigil's answer finds it.
    posts.add(post);
    let outcome: Outcome;
    try {
      outcome = await vigil.check(post);
    } catch (err) {
      posts.remove(post.id);
      req.log.error({ err }, 'Vigil could not check a post');
      return reply.code(503).send(fail('moderation_unavailable', 'Posts cannot be checked right now; try again in a minute.'));
    }
    if (outcome.verdict === 'refuse') {
      posts.remove(post.id);
      return reply.code(422).send(fail('refused', outcome.reason));
    }
    if (outcome.verdict === 'allow') posts.change(post.id, outcome.at, 'published', null);
    else posts.change(post.id, outcome.at, 'hidden', outcome.notice);
    return reply.code(201).send(view(post));
  });

  app.register(webhookRoutes(posts, config.webhookSecret));
  return app;
}
