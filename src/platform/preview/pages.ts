// Server-rendered public previews of channels, posts, bots and sticker sets: readable without an account
// or JavaScript, the way public channels are read in a browser. All user strings pass through html``;
// every word of ours comes from the reader's catalogue (locales/), handles and times stay left-to-right.
import { html, type SafeHtml } from '../../shared/html.ts';
import { t, tHtml } from '../../shared/i18n/format.ts';
import { localNotice } from '../../policy/policy-text.ts';
import type { ChannelView, PostView, WithheldPostView } from '../channels.service.ts';
import type { BotMessageView, BotView } from '../bots.service.ts';
import type { StickerSetView } from '../sticker-sets.service.ts';
import type { MediaView } from '../media.service.ts';
import { page, type PageContext } from './layout.ts';

const ltr = (s: string) => html`<bdi dir="ltr">${s}</bdi>`;
const when = (iso: string) => html`<time datetime="${iso}" dir="ltr">${iso.slice(0, 16).replace('T', ' ')} UTC</time>`;

/** A link that opens the report form with this subject filled in. */
function reportLink(ctx: PageContext, kind: string, link: string): SafeHtml {
  return html`<a class="report" href="/report?subject=${encodeURIComponent(link)}" aria-label="${t(ctx.lang, 'preview.reportLabel', { kind })}">${t(ctx.lang, 'preview.report')}</a>`;
}

function mediaBlock(ctx: PageContext, m: MediaView): SafeHtml {
  if (m.mime.startsWith('image/')) {
    return html`<img src="/media/${m.id}" alt="" loading="lazy"${m.width ? html` width="${m.width}" height="${m.height ?? ''}"` : ''}>`;
  }
  return html`<a class="file" href="/media/${m.id}">${tHtml(ctx.lang, 'preview.file', { mime: ltr(m.mime), size: m.size })}</a>`;
}

export function postBlock(ctx: PageContext, p: PostView | WithheldPostView, opts: { permalink: boolean }): SafeHtml {
  const time = html`<a class="time" href="${p.link}">${when(p.createdAt)}</a>`;
  if ('withheld' in p) {
    return html`<article class="post withheld" id="post-${p.number}"><p class="notice">${localNotice(p.withheld, 'post', ctx.lang)}</p>${time}</article>`;
  }
  return html`<article class="post" id="post-${p.number}">
${p.media.length > 0 ? html`<div class="media">${p.media.map((m) => mediaBlock(ctx, m))}</div>` : ''}
${p.text ? html`<p class="text" dir="auto">${p.text}</p>` : ''}
<p class="post-foot">${opts.permalink ? time : html`<span class="time">${when(p.createdAt)}</span>`} ${reportLink(ctx, 'post', p.link)}</p>
</article>`;
}

function channelHeader(ctx: PageContext, c: ChannelView): SafeHtml {
  return html`<section class="channel-head">
<h1 dir="auto"><a href="${c.link}">${c.title}</a></h1>
<p class="handle">${ltr(`@${c.handle}`)} · ${t(ctx.lang, 'preview.subscribers', { count: c.subscribers })} · ${reportLink(ctx, 'channel', c.link)}</p>
${c.description ? html`<p class="description" dir="auto">${c.description}</p>` : ''}
</section>`;
}

export function channelPage(ctx: PageContext, c: ChannelView, posts: Array<PostView | WithheldPostView>, nextCursor: string | null): string {
  return page(
    ctx,
    `${c.title} (@${c.handle})`,
    html`${channelHeader(ctx, c)}
<section class="posts" aria-label="${t(ctx.lang, 'preview.posts')}">
${posts.length === 0 ? html`<p class="empty">${t(ctx.lang, 'preview.noPosts')}</p>` : posts.map((p) => postBlock(ctx, p, { permalink: true }))}
</section>
${nextCursor ? html`<p class="more"><a href="/c/${c.handle}?before=${nextCursor}">${t(ctx.lang, 'preview.olderPosts')}</a></p>` : ''}`,
    { description: c.description },
  );
}

export function postPage(ctx: PageContext, c: ChannelView, p: PostView | WithheldPostView): string {
  return page(
    ctx,
    t(ctx.lang, 'preview.postTitle', { title: c.title, number: p.number }),
    html`${channelHeader(ctx, c)}<section class="posts">${postBlock(ctx, p, { permalink: false })}</section>`,
  );
}

export function botPage(ctx: PageContext, b: BotView, messages: BotMessageView[]): string {
  return page(
    ctx,
    `@${b.handle}`,
    html`<section class="channel-head">
${b.pictureMediaId ? html`<img class="avatar" src="/media/${b.pictureMediaId}" alt="">` : ''}
<h1>${ltr(`@${b.handle}`)}</h1><p class="handle">${t(ctx.lang, 'preview.bot')} · ${reportLink(ctx, 'bot', `/bot/${b.handle}`)}</p>
${b.description ? html`<p class="description" dir="auto">${b.description}</p>` : ''}
</section>
${
  messages.length > 0
    ? html`<section class="posts" aria-label="${t(ctx.lang, 'preview.messages')}">${messages.map(
        (m) => html`<article class="post"><p class="text" dir="auto">${m.text}</p>
<span class="time">${when(m.createdAt)}</span></article>`,
      )}</section>`
    : ''
}`,
  );
}

export function stickerSetPage(ctx: PageContext, s: StickerSetView): string {
  return page(
    ctx,
    t(ctx.lang, 'preview.stickersTitle', { title: s.title }),
    html`<section class="channel-head"><h1 dir="auto">${s.title}</h1>
<p class="handle">${tHtml(ctx.lang, 'preview.stickerSet', { name: ltr(s.name) })} · ${t(ctx.lang, 'preview.stickers', { count: s.stickers.length })} · ${reportLink(ctx, 'sticker_set', `/stickers/${s.name}`)}</p></section>
<section class="stickers">${s.stickers.map((m) => html`<img src="/media/${m.id}" alt="${t(ctx.lang, 'preview.sticker')}" loading="lazy">`)}</section>`,
  );
}
