// The languages Vigil's public pages, notices and answers speak, and how one is chosen for a request.
// Pure: used by the server (preview pages, 451 notices, report answers) and the web app alike.

/** Every language with a catalogue in locales/ and policy/i18n/. English is the fallback. */
export const LANGUAGES = ['en', 'ar', 'ckb', 'fa', 'tr', 'ru', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself, for the language menu. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ar: 'العربية',
  ckb: 'کوردی (سۆرانی)',
  fa: 'فارسی',
  tr: 'Türkçe',
  ru: 'Русский',
  fr: 'Français',
};

const RTL: ReadonlySet<string> = new Set<Language>(['ar', 'ckb', 'fa']);
export const directionOf = (lang: Language): 'rtl' | 'ltr' => (RTL.has(lang) ? 'rtl' : 'ltr');

/** The cookie that remembers a language chosen in the menu or by a `lang` parameter. */
export const LANGUAGE_COOKIE = 'vigil_lang';

export const isLanguage = (s: unknown): s is Language => typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);

/** A tag as browsers and mail write it ("ar-IQ", "ckb", "ku-Arab-IQ", "fa_IR") → one of ours, if any. */
export function matchLanguage(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase().replaceAll('_', '-');
  if (isLanguage(t)) return t;
  const [base, ...rest] = t.split('-');
  // "ku" alone is usually Kurmanji in Latin script, which we do not have; Kurdish in Arabic script is Sorani.
  if (base === 'ku') return rest.includes('arab') || rest.includes('iq') || rest.includes('ir') ? 'ckb' : undefined;
  return isLanguage(base) ? base : undefined;
}

/** Accept-Language → our best language, by the header's q-values (ties keep the header's order). */
export function fromAcceptLanguage(header: string | null | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .slice(0, 1000) // a header is short; never spend more on a long one
    .split(',')
    .slice(0, 30)
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: matchLanguage(tag), q: q ? Number(q[1]) : 1, i };
    })
    .filter((r) => r.lang !== undefined && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang;
}

/** The language of a request: `lang` parameter, then the remembered cookie, then Accept-Language, else English. */
export function negotiateLanguage(sources: { param?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Language {
  return matchLanguage(sources.param) ?? matchLanguage(sources.cookie) ?? fromAcceptLanguage(sources.acceptLanguage) ?? DEFAULT_LANGUAGE;
}
