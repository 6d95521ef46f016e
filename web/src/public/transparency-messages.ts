// The /transparency page's words and figures in the page's language: messages from the catalogues
// (locales/<lang>.json, keys "transparency.*"; plurals by each language's ICU rules), numbers, shares
// and days through Intl in the same locale. Where the browser has no data for a language (Chromium has
// none for ckb), days are written as numbers and languages by their own names, never in English.
import { useIntl } from 'react-intl';
import { isLanguage, LANGUAGE_NAMES } from '../../../src/shared/i18n/languages.ts';
import { useT } from '../shared/i18n.tsx';

const ITEM_KINDS: ReadonlySet<string> = new Set(['channel', 'post', 'bot', 'sticker_set']);

export function useTransparencyWords() {
  const { t, lang } = useT();
  const intl = useIntl();
  const supported = (ctor: { supportedLocalesOf(l: string[]): string[] }) => ctor.supportedLocalesOf([lang]).length > 0;
  const dates = supported(Intl.DateTimeFormat);
  const names = supported(Intl.DisplayNames) ? new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }) : undefined;

  const number = (n: number) => intl.formatNumber(n);
  const day = (iso: string) => {
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return iso;
    return dates
      ? intl.formatDate(d, { day: 'numeric', month: 'short', timeZone: 'UTC' })
      : intl.formatDate(d, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC', numberingSystem: 'latn' });
  };
  /** A detected language's name in the page's language, else in itself (ours), else its tag. */
  const languageName = (tag: string): { name: string; lang?: string } => {
    if (tag === 'und') return { name: t('transparency.unknownLanguage') };
    try {
      const name = names?.of(tag);
      if (name) return { name };
    } catch {
      // not a well-formed tag: shown as it is below
    }
    return isLanguage(tag) ? { name: LANGUAGE_NAMES[tag], lang: tag } : { name: tag, lang: 'zxx' };
  };
  /** 42 → "42 s", 3725 → "1 h 2 min", in the page's words for the units. */
  const seconds = (s: number) => {
    if (s < 60) return t('transparency.seconds', { n: number(Math.round(s)) });
    if (s < 3600) return t('transparency.minutes', { n: number(Math.round(s / 60)) });
    if (s < 86400) return t('transparency.hoursMinutes', { h: number(Math.floor(s / 3600)), m: number(Math.round((s % 3600) / 60)) });
    return t('transparency.days', { n: number(Math.round((s / 86400) * 10) / 10) });
  };
  return {
    t,
    lang,
    number,
    day,
    seconds,
    languageName,
    share: (share: number | null) => (share === null ? '—' : intl.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 })),
    /** "This week: 78 channels actioned for terrorist content across 12 languages." */
    headline: (count: number, kind: string, categoryTitle: string, languages: number) =>
      t('transparency.headline', {
        items: t(`transparency.items.${ITEM_KINDS.has(kind) ? kind : 'other'}`, { count }),
        category: categoryTitle.toLocaleLowerCase(lang),
        languages: t('transparency.languageCount', { count: languages }),
      }),
  };
}

export type TransparencyWords = ReturnType<typeof useTransparencyWords>;
