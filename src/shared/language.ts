// The language of a piece of public text, detected when it is written (franc over trigrams), as a short
// BCP 47 tag: `ar`, `ckb`, `fa`, `en`, … or null when the text is too short, unlike any candidate, or
// too close to call between two of them.
//
// Trigrams alone mistake close neighbours on short text, so letters that only one neighbour writes
// settle or narrow the choice first: Sorani writes ە ێ ڵ ڕ ۆ ڤ, which Persian and Arabic never use
// (franc reads it as Persian or Uyghur); Turkish writes the dotless ı and ğ, which no other candidate
// written in Latin letters uses bar Azerbaijani (told apart by its ə); Russian writes ы э ъ ё and
// Ukrainian і ї є ґ, and Ukrainian text without its letters is not Ukrainian; Arabic spelling (ي ك ة ى)
// with none of Persian's پ چ ژ گ ی ک is not Persian or Urdu, and Urdu is not Urdu without ٹ ڈ ڑ ں ے.
// Then franc's best guess stands only when the runner-up trails it clearly (MIN_CONFIDENCE): a wrong
// language makes text rules read the wrong keyword list, while no language makes them read every list.
// The candidates are the languages of the platforms Vigil serves first, so that franc never answers
// with a language nobody here writes; extend the list as they grow.
import { francAll } from 'franc';

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
const CYRILLIC_LETTERS = /[\u0400-\u04FF]/gu;
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F]/gu;
const RUSSIAN_LETTERS = /[ыэъёЫЭЪЁ]/u;
const UKRAINIAN_LETTERS = /[іїєґІЇЄҐ]/u;
/** Uzbek in Cyrillic letters writes ъ and ё too, and ў қ ғ ҳ besides. */
const UZBEK_LETTERS = /[ўқғҳЎҚҒҲ]/u;
/** Arabic spelling that Persian and Urdu do not use: yeh, kaf, teh marbuta, alef maksura. */
const ARABIC_SPELLING = /[\u064A\u0643\u0629\u0649]/u;
/** Persian's (and Urdu's) پ چ ژ گ and their yeh and keheh. */
const PERSIAN_LETTERS = /[\u067E\u0686\u0698\u06AF\u06CC\u06A9]/u;
/** Urdu's ٹ ڈ ڑ ں ے, which neither Arabic, Persian nor Sorani writes. */
const URDU_LETTERS = /[\u0679\u0688\u0691\u06BA\u06D2]/u;
/**
 * How clearly franc's best guess must beat the runner-up, below which the text has no language. franc
 * scores about 1 - (distance - best distance) / (300 × characters), 300 being one trigram wholly unlike
 * the model's, so the score gap times the characters read is the runner-up's extra distance counted in
 * such trigrams: it must be at least this many (a gap of 9% at 64 characters, 1% at 600). Measured on
 * the labelled signal sets (docs/BENCHMARKS.md, Text signals): 1 of their 353 short texts is left in a
 * wrong language instead of 22 (10 with the letter rules alone), and 19 in none; of their first words
 * cut to 12–40 characters, 21 of 1,299 in a wrong language, against 50 with the gap times √characters.
 */
export const MIN_CONFIDENCE = 6;
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
  let only = CANDIDATES;
  const cyrillic = sample.match(CYRILLIC_LETTERS)?.length ?? 0;
  if (cyrillic > 0) {
    const russian = RUSSIAN_LETTERS.test(sample) && !UZBEK_LETTERS.test(sample);
    const ukrainian = UKRAINIAN_LETTERS.test(sample);
    // Only for text written mostly in Cyrillic: a Russian word in an English post does not make it Russian.
    if (russian !== ukrainian && cyrillic > (sample.match(LATIN_LETTERS)?.length ?? 0)) return russian ? 'ru' : 'uk';
    if (!ukrainian) only = only.filter((c) => c !== 'ukr');
  }
  if (arabicScript > 0) {
    if (ARABIC_SPELLING.test(sample) && !PERSIAN_LETTERS.test(sample)) only = only.filter((c) => c !== 'pes' && c !== 'urd');
    else if (!URDU_LETTERS.test(sample)) only = only.filter((c) => c !== 'urd');
  }
  const [best, second] = francAll(sample, { only, minLength: MIN_LANGUAGE_TEXT });
  if (second && (1 - second[1]) * sample.length < MIN_CONFIDENCE) return null;
  return TAGS[best[0]] ?? null;
}

/** Detection over several fields of one subject (title, description, …): the longest text decides. */
export function detectLanguageOf(...texts: Array<string | null | undefined>): string | null {
  const joined = texts.filter((t): t is string => !!t && t.trim().length > 0).join('\n');
  return detectLanguage(joined);
}
