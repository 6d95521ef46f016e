// The forum's posts, in memory: one public board of posts, each with text and an optional image. What a
// reader may see is the post's state; Vigil's verdicts and webhooks change it, nothing else does.

export type PostState =
  /** Registered with Vigil, answer not in yet: shown to nobody. */
  | 'checking'
  | 'published'
  /** Vigil said hold, or a webhook hid it: shown as its notice only. */
  | 'hidden';

export interface Post {
  id: string;
  author: string;
  text: string;
  image: { bytes: Buffer; mime: string } | null;
  createdAt: string;
  state: PostState;
  /** Shown in place of a hidden post: the statement of reasons Vigil sent, or why it waits. */
  notice: string | null;
  /** The time of the last Vigil event applied: webhooks may arrive out of order, and an older one never wins. */
  changedAt: string;
}

export class Posts {
  #posts = new Map<string, Post>();
  /** When Vigil blocks the whole board (its channel), every post is hidden behind this notice. */
  boardNotice: string | null = null;
  #boardChangedAt = '';

  add(post: Post): void {
    this.#posts.set(post.id, post);
  }

  get(id: string): Post | undefined {
    return this.#posts.get(id);
  }

  remove(id: string): void {
    this.#posts.delete(id);
  }

  /** Newest first, the ones a reader may see or see the notice of (not those still being checked). */
  listed(): Post[] {
    return [...this.#posts.values()].filter((p) => p.state !== 'checking').reverse();
  }

  /** Applies a change Vigil told us of at `at`, unless a later one was applied already. */
  change(id: string, at: string, state: 'published' | 'hidden', notice: string | null): boolean {
    const post = this.#posts.get(id);
    if (!post || at < post.changedAt) return false;
    Object.assign(post, { state, notice, changedAt: at });
    return true;
  }

  changeBoard(at: string, notice: string | null): void {
    if (at < this.#boardChangedAt) return;
    this.boardNotice = notice;
    this.#boardChangedAt = at;
  }

  /** Whether a reader sees the post itself (not only a notice). */
  visible(post: Post): boolean {
    return post.state === 'published' && this.boardNotice === null;
  }
}
