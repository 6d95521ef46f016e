// Server-rendered public previews of channels, posts, bots and sticker sets: readable without an account
// or JavaScript, the way public channels are read in a browser. All user strings pass through html``.
import { html, type SafeHtml } from '../../shared/html.ts';
import type { ChannelView, PostView, WithheldPostView } from '../channels.service.ts';
import type { BotMessageView, BotView } from '../bots.service.ts';
import type { StickerSetView } from '../sticker-sets.service.ts';
import type { MediaView } from '../media.service.ts';
import { page } from './layout.ts';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function mediaBlock(m: MediaView): SafeHtml {
  if (m.mime.startsWith('image/')) {
    return html`<img src="/media/${m.id}" alt="" loading="lazy"${m.width ? html` width="${m.width}" height="${m.height ?? ''}"` : ''}>`;
  }
  return html`<a class="file" href="/media/${m.id}">File (${m.mime}, ${plural(m.size, 'byte', 'bytes')})</a>`;
}

export function postBlock(p: PostView | WithheldPostView, opts: { permalink: boolean }): SafeHtml {
  const time = html`<a class="time" href="${p.link}"><time datetime="${p.createdAt}">${p.createdAt.slice(0, 16).replace('T', ' ')} UTC</time></a>`;
  if ('withheld' in p) {
    return html`<article class="post withheld" id="post-${p.number}"><p class="notice">${p.withheld.text}</p>${time}</article>`;
  }
  return html`<article class="post" id="post-${p.number}">
${p.media.length > 0 ? html`<div class="media">${p.media.map(mediaBlock)}</div>` : ''}
${p.text ? html`<p class="text" dir="auto">${p.text}</p>` : ''}
${opts.permalink ? time : html`<span class="time"><time datetime="${p.createdAt}">${p.createdAt.slice(0, 16).replace('T', ' ')} UTC</time></span>`}
</article>`;
}

function channelHeader(c: ChannelView): SafeHtml {
  return html`<section class="channel-head">
<h1 dir="auto"><a href="${c.link}">${c.title}</a></h1>
<p class="handle">@${c.handle} · ${plural(c.subscribers, 'subscriber', 'subscribers')}</p>
${c.description ? html`<p class="description" dir="auto">${c.description}</p>` : ''}
</section>`;
}

export function channelPage(c: ChannelView, posts: Array<PostView | WithheldPostView>, nextCursor: string | null): string {
  return page(
    `${c.title} (@${c.handle})`,
    html`${channelHeader(c)}
<section class="posts" aria-label="Posts">
${posts.length === 0 ? html`<p class="empty">No posts yet.</p>` : posts.map((p) => postBlock(p, { permalink: true }))}
</section>
${nextCursor ? html`<p class="more"><a href="/c/${c.handle}?before=${nextCursor}">Older posts</a></p>` : ''}`,
    { description: c.description },
  );
}

export function postPage(c: ChannelView, p: PostView | WithheldPostView): string {
  return page(`${c.title}: post ${p.number}`, html`${channelHeader(c)}<section class="posts">${postBlock(p, { permalink: false })}</section>`);
}

export function botPage(b: BotView, messages: BotMessageView[]): string {
  return page(
    `@${b.handle}`,
    html`<section class="channel-head">
${b.pictureMediaId ? html`<img class="avatar" src="/media/${b.pictureMediaId}" alt="">` : ''}
<h1>@${b.handle}</h1><p class="handle">Bot</p>
${b.description ? html`<p class="description" dir="auto">${b.description}</p>` : ''}
</section>
${
  messages.length > 0
    ? html`<section class="posts" aria-label="Messages">${messages.map(
        (m) => html`<article class="post"><p class="text" dir="auto">${m.text}</p>
<span class="time"><time datetime="${m.createdAt}">${m.createdAt.slice(0, 16).replace('T', ' ')} UTC</time></span></article>`,
      )}</section>`
    : ''
}`,
  );
}

export function stickerSetPage(s: StickerSetView): string {
  return page(
    `${s.title} stickers`,
    html`<section class="channel-head"><h1 dir="auto">${s.title}</h1>
<p class="handle">Sticker set ${s.name} · ${plural(s.stickers.length, 'sticker', 'stickers')}</p></section>
<section class="stickers">${s.stickers.map((m) => html`<img src="/media/${m.id}" alt="sticker" loading="lazy">`)}</section>`,
  );
}
