// The language of a request (src/shared/i18n/languages.ts): `lang` parameter, then the `vigil_lang`
// cookie, then Accept-Language, else English. Pages remember a `lang` parameter in the cookie.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageContext } from '../platform/preview/layout.ts';
import { isLanguage, LANGUAGE_COOKIE, type Language, matchLanguage, negotiateLanguage } from '../shared/i18n/languages.ts';

/** The `lang` query parameter, read from the URL whatever the route's query schema says. */
export function langParam(req: FastifyRequest): string | undefined {
  const q = req.url.indexOf('?');
  if (q < 0) return undefined;
  return new URLSearchParams(req.url.slice(q + 1)).get('lang') ?? undefined;
}

export function requestLanguage(req: FastifyRequest): Language {
  const header = req.headers['accept-language'];
  return negotiateLanguage({ param: langParam(req), cookie: req.cookies?.[LANGUAGE_COOKIE], acceptLanguage: typeof header === 'string' ? header : undefined });
}

/** A page chosen with `?lang=` remembers it for a year (readable by the web app, which shares the choice). */
export function rememberLanguage(req: FastifyRequest, reply: FastifyReply): void {
  const chosen = matchLanguage(langParam(req));
  if (isLanguage(chosen) && req.cookies?.[LANGUAGE_COOKIE] !== chosen) {
    reply.setCookie(LANGUAGE_COOKIE, chosen, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: false });
  }
}

/** What a server-rendered page needs to know of its reader: the language, and the page's own path. */
export const pageContext = (req: FastifyRequest): PageContext => ({ lang: requestLanguage(req), path: req.url.split('?')[0] });
