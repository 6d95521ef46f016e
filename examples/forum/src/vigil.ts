// The forum's side of Vigil: it registers the board (a Vigil channel) once, then each new post with its
// image's bytes, through the typed client, and turns the verdict into what the forum does.
import { createVigilClient, type VigilClient } from 'vigil/client';
import type { Post } from './posts.ts';

/** The board every post belongs to: Vigil files reports about a post under its channel. */
export const BOARD_ID = 'board';

/** What to do with a post, and when Vigil decided it (its clock, as its webhooks' timestamps). */
export type Outcome = { at: string } & ({ verdict: 'allow' } | { verdict: 'hold'; notice: string } | { verdict: 'refuse'; reason: string });

const WHY: Record<string, string> = {
  terrorism: 'it matches known terrorist content',
  csam: 'it matches known child sexual abuse material',
};

export class VigilConnection {
  #client: VigilClient;
  #publicUrl: string;
  #board: Promise<void> | undefined;

  constructor(opts: { vigilUrl: string; platformKey: string; publicUrl: string }) {
    this.#client = createVigilClient({ baseUrl: opts.vigilUrl, token: opts.platformKey });
    this.#publicUrl = opts.publicUrl;
  }

  postUrl(id: string): string {
    return `${this.#publicUrl}/posts/${id}`;
  }

  /** Registers the board once (again after a failure). */
  #ensureBoard(): Promise<void> {
    this.#board ??= (async () => {
      const { error } = await this.#client.POST('/api/v1/content', {
        body: { kind: 'channel', id: BOARD_ID, url: `${this.#publicUrl}/`, title: 'Example forum', text: 'Public posts of the example forum' },
      });
      if (error) throw new Error(`Vigil refused the board: ${error.error.code}: ${error.error.message}`);
    })().catch((err: unknown) => {
      this.#board = undefined;
      throw err;
    });
    return this.#board;
  }

  /** Registers a new post and answers what to do with it. Throws when Vigil cannot be asked. */
  async check(post: Post): Promise<Outcome> {
    await this.#ensureBoard();
    const { data, error } = await this.#client.POST('/api/v1/content', {
      body: {
        kind: 'post',
        id: post.id,
        channelId: BOARD_ID,
        url: this.postUrl(post.id),
        ownerId: post.author,
        text: post.text,
        ...(post.image ? { media: [{ contentBase64: post.image.bytes.toString('base64'), url: `${this.#publicUrl}/media/${post.id}` }] } : {}),
      },
    });
    if (error) throw new Error(`Vigil refused the post: ${error.error.code}: ${error.error.message}`);
    const at = data.updatedAt;
    if (data.verdict === 'allow') return { at, verdict: 'allow' };
    if (data.verdict === 'hold') return { at, verdict: 'hold', notice: 'This post is awaiting review by a moderator.' };
    const match = data.signals.find((s) => s.type === 'hash_match');
    const why = (match && 'category' in match && WHY[match.category]) || 'it matches known illegal content';
    return { at, verdict: 'refuse', reason: `Your image cannot be published: ${why}.` };
  }
}
