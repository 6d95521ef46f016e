// Formatting catalogue messages on the server with intl-messageformat (FormatJS), the same library the
// web app's react-intl uses. Compiled messages are kept per language and key: there are a few hundred.
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { html, type SafeHtml } from '../html.ts';
import { type Catalogue, MESSAGES, POLICY_TEXTS } from './catalogues.ts';
import { DEFAULT_LANGUAGE, type Language } from './languages.ts';

const compiled = new Map<string, IntlMessageFormat>();

function compile(catalogue: Readonly<Record<Language, Catalogue>>, name: string, lang: Language, key: string): IntlMessageFormat {
  const id = `${name}\u0000${lang}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) {
    // A key missing in a language falls back to English (the catalogue test keeps this from happening).
    const message = catalogue[lang][key] ?? catalogue[DEFAULT_LANGUAGE][key];
    if (message === undefined) throw new Error(`no message "${key}"`);
    f = new IntlMessageFormat(message, lang);
    compiled.set(id, f);
  }
  return f;
}

export type Values = Record<string, PrimitiveType>;

/** A page message as plain text. */
export function t(lang: Language, key: string, values?: Values): string {
  return String(compile(MESSAGES, 'm', lang, key).format(values));
}

/** A policy text (policy/i18n) as plain text. */
export function policyT(lang: Language, key: string, values?: Values): string {
  return String(compile(POLICY_TEXTS, 'p', lang, key).format(values));
}

/**
 * A page message as HTML: its own text escaped, values given as SafeHtml kept as they are (a `<bdi>`
 * around a handle), strings and numbers escaped, and each rich tag (`<a>…</a>`, `<b>…</b>`) rendered by
 * the function of that name.
 */
export function tHtml(lang: Language, key: string, values: Record<string, PrimitiveType | SafeHtml | ((chunks: SafeHtml) => SafeHtml)> = {}): SafeHtml {
  const parts = compile(MESSAGES, 'm', lang, key).formatToParts<SafeHtml>(
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'function' ? (chunks: Array<string | SafeHtml>) => v(html`${chunks}`) : v])),
  );
  return html`${parts.map((p) => p.value)}`;
}
