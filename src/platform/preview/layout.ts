import { html, type SafeHtml } from '../../shared/html.ts';
import { t, tHtml } from '../../shared/i18n/format.ts';
import { directionOf, type Language, LANGUAGE_NAMES, LANGUAGES } from '../../shared/i18n/languages.ts';

/** Pages need no JavaScript and load nothing but our own images and stylesheet. */
export const PAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Who a page is rendered for: its language, and its path (for the language menu's links). */
export interface PageContext {
  lang: Language;
  path: string;
}

/** Each language named in itself; a link to this page in it (the server then remembers the choice). */
function languageMenu(ctx: PageContext): SafeHtml {
  return html`<nav class="languages" aria-label="${t(ctx.lang, 'common.language')}"><ul>${LANGUAGES.map(
    (l) =>
      html`<li><a href="${ctx.path}?lang=${l}" lang="${l}" hreflang="${l}" dir="${directionOf(l)}"${l === ctx.lang ? html` aria-current="true"` : ''}>${LANGUAGE_NAMES[l]}</a></li>`,
  )}</ul></nav>`;
}

export function page(ctx: PageContext, title: string, body: SafeHtml, opts: { description?: string } = {}): string {
  const { lang } = ctx;
  return `<!doctype html>\n${
    html`<html lang="${lang}" dir="${directionOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${opts.description ? html`<meta name="description" content="${opts.description}">` : ''}
<link rel="stylesheet" href="/static/preview.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<header class="site"><a href="/" class="brand">${t(lang, 'preview.siteName')}</a>${languageMenu(ctx)}</header>
<main>
${body}
</main>
<footer class="site"><a href="/report">${t(lang, 'common.reportLink')}</a> · <a href="/api/docs">${t(lang, 'preview.apiDocs')}</a></footer>
</body>
</html>`.value
  }`;
}

export function noticePage(ctx: PageContext, notice: { text: string }, status: number): string {
  const { lang } = ctx;
  return page(
    ctx,
    t(lang, 'notice.pageTitle'),
    html`<section class="notice" role="alert">
<h1>${t(lang, status === 451 ? 'notice.unavailable' : 'notice.notAvailable')}</h1>
<p>${notice.text}</p>
${status === 451 ? html`<p class="appeal">${tHtml(lang, 'notice.appeal', { a: (chunks) => html`<a href="/report/appeal?as=owner">${chunks}</a>` })}</p>` : ''}
</section>`,
  );
}

export function errorPage(ctx: PageContext, status: number, message: string): string {
  const { lang } = ctx;
  // A 404 is said in the reader's language; other errors keep the API's (English) message beside it.
  return page(
    ctx,
    t(lang, status === 404 ? 'error.notFoundTitle' : 'error.title'),
    html`<section class="notice"><h1>${t(lang, status === 404 ? 'error.notFoundTitle' : 'error.generic')}</h1><p>${status === 404 ? t(lang, 'error.notFoundText') : message}</p></section>`,
  );
}

export function homePage(ctx: PageContext): string {
  const { lang } = ctx;
  return page(
    ctx,
    'Vigil',
    html`<section class="channel-head">
<h1>Vigil</h1>
<p>${t(lang, 'preview.homeTagline')}</p>
<ul>
<li><a href="/report">${t(lang, 'preview.homeReport')}</a></li>
<li><a href="/protect">${t(lang, 'preview.homeProtect')}</a></li>
<li><a href="/api/docs">${t(lang, 'preview.homeApi')}</a></li>
</ul>
</section>`,
  );
}
