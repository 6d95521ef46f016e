// The language of a piece of public text, detected when it is written (franc over trigrams), as a short
// BCP 47 tag: `ar`, `ckb`, `fa`, `en`, … or null when the text is too short or unlike any candidate.
//
// franc alone reads Arabic-script Central Kurdish (Sorani) as Persian or Uyghur, and short Turkish as
// Malay: two letter rules settle those first. Sorani writes ە ێ ڵ ڕ ۆ ڤ, which Persian and Arabic never
// use; Turkish writes the dotless ı and ğ, which no other candidate written in Latin letters uses bar
// Azerbaijani (told apart by its ə). The candidates are the languages of the platforms Vigil serves
// first, so that franc never answers with a language nobody here writes; extend the list as they grow.
import { franc } from 'franc';

/** ISO 639-3 (franc's answer) → the tag Vigil stores. */
const TAGS: Record<string, string> = {
  arb: 'ar',
  pes: 'fa',
  ckb: 'ckb',
  eng: 'en',
  fra: 'fr',
  rus: 'ru',
  tur: 'tr',
  deu: 'de',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  ukr: 'uk',
  urd: 'ur',
  hin: 'hi',
  ind: 'id',
  heb: 'he',
  nld: 'nl',
  pol: 'pl',
  aze: 'az',
  uzn: 'uz',
  ben: 'bn',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  vie: 'vi',
  tha: 'th',
  swh: 'sw',
  som: 'so',
  amh: 'am',
  hau: 'ha',
  kmr: 'kmr',
};
const CANDIDATES = Object.keys(TAGS).filter((k) => k !== 'ckb');

/** Letters of Sorani that Persian and Arabic do not write (ە ێ ڵ ڕ ۆ ڤ). */
const SORANI_LETTERS = /[\u06D5\u06CE\u06B5\u0695\u06C6\u06A4]/gu;
const ARABIC_LETTERS = /[\u0600-\u06FF]/gu;
const TURKISH_LETTERS = /[ığĞİ]/u;
const AZERBAIJANI_LETTER = /[əƏ]/u;
/** Below this many characters a guess is noise: no language. */
export const MIN_LANGUAGE_TEXT = 12;
/** Trigrams of the first 600 characters decide (about 0.3 ms on the writing request); the rest of a long text adds cost, not certainty. */
const SAMPLE_CHARS = 600;

/** Every tag detection can answer, for filters and menus. */
export const DETECTED_LANGUAGES: readonly string[] = Object.values(TAGS);

export function detectLanguage(text: string | null | undefined): string | null {
  if (!text) return null;
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (sample.trim().length < MIN_LANGUAGE_TEXT) return null;
  const arabicScript = sample.match(ARABIC_LETTERS)?.length ?? 0;
  if (arabicScript > 0) {
    const sorani = sample.match(SORANI_LETTERS)?.length ?? 0;
    // A few such letters in a long Arabic-script text are enough: each is specific to Kurdish.
    if (sorani >= 2 || (sorani === 1 && arabicScript < 40)) return 'ckb';
  }
  if (TURKISH_LETTERS.test(sample)) return AZERBAIJANI_LETTER.test(sample) ? 'az' : 'tr';
  const code = franc(sample, { only: CANDIDATES, minLength: MIN_LANGUAGE_TEXT });
  return TAGS[code] ?? null;
}

/** Detection over several fields of one subject (title, description, …): the longest text decides. */
export function detectLanguageOf(...texts: Array<string | null | undefined>): string | null {
  const joined = texts.filter((t): t is string => !!t && t.trim().length > 0).join('\n');
  return detectLanguage(joined);
}
