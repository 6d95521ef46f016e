import { html, type SafeHtml } from '../../shared/html.ts';

/** Pages need no JavaScript and load nothing but our own images and stylesheet. */
export const PAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function page(title: string, body: SafeHtml, opts: { description?: string } = {}): string {
  return `<!doctype html>\n${
    html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${opts.description ? html`<meta name="description" content="${opts.description}">` : ''}
<link rel="stylesheet" href="/static/preview.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<header class="site"><a href="/" class="brand">Vigil reference platform</a></header>
<main>
${body}
</main>
<footer class="site"><a href="/report">Report content</a> · <a href="/api/docs">API</a></footer>
</body>
</html>`.value
  }`;
}

export function noticePage(kindLabel: string, notice: { text: string }, status: number): string {
  return page(
    `${kindLabel} unavailable`,
    html`<section class="notice" role="alert">
<h1>${status === 451 ? 'Unavailable' : 'Not available'}</h1>
<p>${notice.text}</p>
${status === 451 ? html`<p class="appeal">Is this yours? The notice sent to your account says why; you may <a href="/report/appeal?as=owner">appeal the decision</a> within six months.</p>` : ''}
</section>`,
  );
}

export function errorPage(status: number, message: string): string {
  return page(
    status === 404 ? 'Not found' : 'Error',
    html`<section class="notice"><h1>${status === 404 ? 'Not found' : 'Something went wrong'}</h1><p>${message}</p></section>`,
  );
}

export function homePage(): string {
  return page(
    'Vigil',
    html`<section class="channel-head">
<h1>Vigil</h1>
<p>Trust and safety for public channels: every report acknowledged, tracked and answered.</p>
<ul>
<li><a href="/report">Report public content</a></li>
<li><a href="/protect">Protect your intimate images without sending them</a></li>
<li><a href="/api/docs">API documentation</a></li>
</ul>
</section>`,
  );
}
