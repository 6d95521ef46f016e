// "Loading…" in each language, for the moment before a page's catalogue has arrived (the web app's first
// fallback): a copy of each catalogue's `common.loading`, kept equal by test/repo/i18n-catalogues.test.ts,
// so the first chunk need not carry every catalogue.
import type { Language } from './languages.ts';

export const LOADING_WORDS: Record<Language, string> = {
  en: 'Loading…',
  ar: 'جارٍ التحميل…',
  ckb: 'بارکردن…',
  fa: 'در حال بارگذاری…',
  tr: 'Yükleniyor…',
  ru: 'Загрузка…',
  fr: 'Chargement…',
};
