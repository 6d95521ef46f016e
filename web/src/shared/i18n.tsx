// The public pages' language: react-intl over the catalogues the server uses too (locales/<lang>.json,
// policy/i18n/<lang>.json), one chunk per language, loaded when chosen. The language is the page's `lang`
// parameter, then the `vigil_lang` cookie, then the browser's languages, else English; one chosen by the
// menu or a `lang` parameter is remembered in the cookie, which the API reads too. <html lang dir> follow.
// The console stays English and does not use this.
import { type ReactNode, useContext, useEffect, useState } from 'react';
import { IntlContext, IntlProvider, type IntlShape, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import {
  DEFAULT_LANGUAGE,
  directionOf,
  fromAcceptLanguage,
  type Language,
  LANGUAGE_COOKIE,
  matchLanguage,
  negotiateLanguage,
} from '../../../src/shared/i18n/languages.ts';

type Catalogue = Record<string, string>;
const pageCatalogues = import.meta.glob<Catalogue>('../../../locales/*.json', { import: 'default' });
const policyCatalogues = import.meta.glob<Catalogue>('../../../policy/i18n/*.json', { import: 'default' });

const cookieLanguage = () => document.cookie.match(new RegExp(`(?:^|; )${LANGUAGE_COOKIE}=([^;]*)`))?.[1];

export function rememberLanguage(lang: Language): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the value is one of our language codes, nothing to escape; the Cookie Store API is not in every browser the public pages serve
  document.cookie = `${LANGUAGE_COOKIE}=${lang}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
}

/** The language the page should speak now. */
export function currentLanguage(param: string | null): Language {
  return negotiateLanguage({ param, cookie: cookieLanguage(), acceptLanguage: fromAcceptLanguage(navigator.languages.join(',')) });
}

async function load(lang: Language): Promise<Catalogue> {
  const [page, policy] = await Promise.all([pageCatalogues[`../../../locales/${lang}.json`](), policyCatalogues[`../../../policy/i18n/${lang}.json`]()]);
  // Policy texts under "policy." so the two catalogues never collide.
  return { ...page, ...Object.fromEntries(Object.entries(policy).map(([k, v]) => [`policy.${k}`, v])) };
}

/** The language and direction of the page's root element, for screen readers, fonts and layout. */
function useRootLanguage(lang: Language) {
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = directionOf(lang);
    return () => {
      document.documentElement.lang = DEFAULT_LANGUAGE;
      document.documentElement.dir = 'ltr';
    };
  }, [lang]);
}

export function PublicIntl({ children }: { children: ReactNode }) {
  const [params] = useSearchParams();
  const param = params.get('lang');
  const lang = currentLanguage(param);
  const [loaded, setLoaded] = useState<{ lang: Language; messages: Catalogue }>();
  useEffect(() => {
    if (matchLanguage(param)) rememberLanguage(lang);
  }, [param, lang]);
  useEffect(() => {
    let live = true;
    load(lang).then((messages) => live && setLoaded({ lang, messages }));
    return () => {
      live = false;
    };
  }, [lang]);
  useRootLanguage(loaded?.lang ?? DEFAULT_LANGUAGE);
  if (!loaded) return null;
  return (
    <IntlProvider locale={loaded.lang} messages={loaded.messages} defaultLocale={DEFAULT_LANGUAGE}>
      {children}
    </IntlProvider>
  );
}

/** `t('key', values)` for the public pages, and the page's language. */
export function useT() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  return { t, lang: matchLanguage(intl.locale) ?? DEFAULT_LANGUAGE, intl };
}

/** Short date and time in the page's language. */
export function useDateTime() {
  const intl = useIntl();
  return (iso: string | null | undefined) => {
    if (!iso) return '—';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    // A browser without this language's date names (Chromium has none for ckb) would write English month
    // names: numbers then, year first, which every reader here knows.
    if (Intl.DateTimeFormat.supportedLocalesOf([intl.locale]).length === 0) {
      return intl.formatDate(d, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        numberingSystem: 'latn',
      });
    }
    return intl.formatDate(d, { dateStyle: 'medium', timeStyle: 'short' });
  };
}

/**
 * The page's intl inside the public pages, undefined elsewhere (the console, which stays English): for
 * shared pieces (error box, "not found", empty text) that serve both.
 */
export function useOptionalIntl(): IntlShape | undefined {
  // react-intl types its context as always set; outside an IntlProvider it holds undefined (or null).
  return (useContext(IntlContext) as IntlShape | null | undefined) ?? undefined;
}
