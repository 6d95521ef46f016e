// Text normalisation before rules match: the same function runs over a post's text and over a rule's
// keywords, so both meet in one form however the text was disguised. Pure, no I/O, linear in the
// length of the text (each step is one pass; no backtracking regular expressions). The normalised text is
// a matching key only: it is never shown instead of what was published. The choices are in
// docs/DECISIONS.md (Text rules).

/** Removed outright: zero-width characters, bidirectional controls, soft hyphen, Arabic letter mark. */
function isInvisible(c: number): boolean {
  return (
    c === 0x00ad ||
    c === 0x061c ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}

/** Arabic-script marks dropped: harakat and Quranic annotation signs, superscript alef, tatweel. */
function isArabicMark(c: number): boolean {
  return (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) || c === 0x0640;
}

/**
 * Arabic-script letters folded to one form. Alef with hamza or madda and alef wasla → bare alef; Farsi
 * yeh, alef maksura and yeh with hamza → Arabic yeh; keheh (Persian/Kurdish kaf) → Arabic kaf; teh
 * marbuta, Kurdish ae (ە), heh doachashmee (ھ), heh goal and heh with yeh → heh; waw with hamza → waw;
 * Arabic-Indic and Persian digits → ASCII digits. Folding Sorani ە and ھ into ه loses the
 * vowel/consonant distinction, but only inside the matching key (see DECISIONS).
 */
const ARABIC_FOLD: ReadonlyMap<number, string> = new Map<number, string>([
  [0x0622, 'ا'],
  [0x0623, 'ا'],
  [0x0625, 'ا'],
  [0x0671, 'ا'],
  [0x0672, 'ا'],
  [0x0673, 'ا'],
  [0x0649, 'ي'],
  [0x06cc, 'ي'],
  [0x0626, 'ي'],
  [0x06d0, 'ي'],
  [0x06a9, 'ك'],
  [0x06aa, 'ك'],
  [0x0629, 'ه'],
  [0x06d5, 'ه'],
  [0x06be, 'ه'],
  [0x06c1, 'ه'],
  [0x06c0, 'ه'],
  [0x0624, 'و'],
  ...Array.from({ length: 10 }, (_, i) => [0x0660 + i, String(i)] as [number, string]),
  ...Array.from({ length: 10 }, (_, i) => [0x06f0 + i, String(i)] as [number, string]),
]);

type Script = 'latin' | 'cyrillic' | 'greek';

// Look-alike letters (after case folding) between Latin, Cyrillic and Greek: a small table of the pairs
// that pass for each other in common fonts, taken from Unicode's confusables.txt.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  і: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
};
const GREEK_TO_LATIN: Record<string, string> = {
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  μ: 'u',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ζ: 'z',
};
// The other way, for Cyrillic words carrying a few Latin letters ("дeньги" with a Latin e).
const LATIN_TO_CYRILLIC: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', k: 'к', m: 'м', h: 'н', t: 'т', b: 'в', i: 'і' };

function scriptOf(ch: string): Script | undefined {
  const c = ch.codePointAt(0) as number;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0xe0 && c <= 0x24f)) return 'latin';
  if (c >= 0x0400 && c <= 0x052f) return 'cyrillic';
  if (c >= 0x0370 && c <= 0x03ff) return 'greek';
  return undefined;
}

/**
 * A word mixing Latin, Cyrillic and Greek letters is rewritten in the script most of its letters use
 * (Latin on a tie): "саsh" with Cyrillic с and а becomes "cash", "дeньги" with a Latin e keeps its
 * Cyrillic. Words in one script are left alone, so Russian and Greek text stays as written.
 */
function foldMixedWord(word: string[]): string[] {
  const counts = { latin: 0, cyrillic: 0, greek: 0 };
  for (const ch of word) {
    const s = scriptOf(ch);
    if (s) counts[s]++;
  }
  const scripts = (counts.latin > 0 ? 1 : 0) + (counts.cyrillic > 0 ? 1 : 0) + (counts.greek > 0 ? 1 : 0);
  if (scripts < 2) return word;
  const target: Script = counts.cyrillic > counts.latin + counts.greek ? 'cyrillic' : 'latin';
  return word.map((ch) => {
    const s = scriptOf(ch);
    if (s === target || s === undefined) return ch;
    if (target === 'latin') return (s === 'cyrillic' ? CYRILLIC_TO_LATIN[ch] : GREEK_TO_LATIN[ch]) ?? ch;
    return (s === 'latin' ? LATIN_TO_CYRILLIC[ch] : undefined) ?? ch;
  });
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const DIGIT = /^\p{N}$/u;
const isLetterOrDigit = (ch: string): boolean => WORD_CHAR.test(ch);
const isSpace = (ch: string): boolean => /^\s$/u.test(ch);
/** Separators people put between the letters of a spaced-out word: "c a s h", "c.a.s.h", "c-a-s-h". */
const LETTER_GAP = new Set([' ', '.', '-', '_', '*', '·']);

/**
 * Unicode NFKC, then case folding (toLowerCase, with final sigma and dotless i brought to their plain
 * forms, and Turkish dotted capital İ, which lowercases to i + combining dot, to a plain i).
 */
function foldCase(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll('ς', 'σ').replaceAll('ı', 'i').replaceAll('i\u0307', 'i');
}

/** Step 1: per character — invisible characters and Arabic marks dropped, Arabic-script letters folded, spaces made one space. */
function foldCharacters(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (isInvisible(c) || isArabicMark(c)) continue;
    const folded = ARABIC_FOLD.get(c);
    if (folded !== undefined) out.push(folded);
    else if (isSpace(ch)) {
      if (out.length > 0 && out[out.length - 1] !== ' ') out.push(' ');
    } else out.push(ch);
  }
  if (out[out.length - 1] === ' ') out.pop();
  return out;
}

/** Step 2: letters spaced out — a run of three or more single letters joined by one separator each becomes one word. */
function joinSpacedLetters(chars: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    // A run starts at a letter that begins a word: c, gap, a, gap, s, ... each letter a word of one.
    const startsWord = i === 0 || !isLetterOrDigit(chars[i - 1]);
    if (startsWord && isLetterOrDigit(chars[i])) {
      let j = i;
      const letters = [chars[i]];
      while (j + 2 < chars.length && LETTER_GAP.has(chars[j + 1]) && isLetterOrDigit(chars[j + 2]) && !isLetterOrDigit(chars[j + 3] ?? ' ')) {
        letters.push(chars[j + 2]);
        j += 2;
      }
      if (letters.length >= 3 && !isLetterOrDigit(chars[i + 1] ?? ' ')) {
        out.push(...letters);
        i = j + 1;
        continue;
      }
    }
    out.push(chars[i]);
    i++;
  }
  return out;
}

/** Step 3: runs of three or more of one character collapse to one ("caaaash" → "cash"); pairs stay ("book"), digits stay ("1000"). */
function collapseRepeats(chars: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let j = i + 1;
    while (j < chars.length && chars[j] === chars[i]) j++;
    const run = j - i;
    if (run >= 3 && !DIGIT.test(chars[i])) out.push(chars[i]);
    else for (let k = i; k < j; k++) out.push(chars[k]);
    i = j;
  }
  return out;
}

/** Step 4: mixed-script words folded to one script. */
function foldWords(chars: string[]): string {
  let result = '';
  let word: string[] = [];
  for (const ch of chars) {
    if (isLetterOrDigit(ch)) {
      word.push(ch);
      continue;
    }
    result += foldMixedWord(word).join('') + ch;
    word = [];
  }
  return result + foldMixedWord(word).join('');
}

/** The matching key of a text: every step above, in order. */
export function normalise(text: string): string {
  return foldWords(collapseRepeats(joinSpacedLetters(foldCharacters(foldCase(text)))));
}

/** Whether a character counts as part of a word when keywords match on word boundaries. */
export const isWordChar = isLetterOrDigit;
