// The forum's public pages, as small HTML: every value from a user is escaped.
import type { Post, Posts } from './posts.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;

function article(posts: Posts, p: Post): string {
  if (!posts.visible(p)) return `<article id="${esc(p.id)}"><p class="notice">${esc(posts.boardNotice ?? p.notice ?? 'Not available.')}</p></article>`;
  const image = p.image ? `<img src="/media/${esc(p.id)}" alt="">` : '';
  return `<article id="${esc(p.id)}"><p><b>${esc(p.author)}</b> · <a href="/posts/${esc(p.id)}">${esc(p.createdAt)}</a></p><p class="text">${esc(p.text)}</p>${image}</article>`;
}

export const boardPage = (posts: Posts) =>
  page(
    'Example forum',
    posts
      .listed()
      .map((p) => article(posts, p))
      .join('\n') || '<p>No posts yet.</p>',
  );

export const postPage = (posts: Posts, p: Post) => page(`Post by ${p.author}`, `${article(posts, p)}<p><a href="/">All posts</a></p>`);
