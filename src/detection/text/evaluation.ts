// Evaluating text signals on sample lines: the line format of `vigil signals eval` ({"id","text","kind"?,
// "title"?,"lang"?}) and, for the labelled set (test/fixtures/signals/labelled.jsonl), precision and
// recall per category and per language. Pure: the caller reads the file and chooses the rules.
//
// A line's language for the rules is either its own `lang` (the labelled set's truth) or, as publishing
// does, the language detected from its text (`detectedLanguageOf`): the set is measured both ways, since
// a wrong detection makes a rule read the wrong keyword list or skip the item.
import { detectLanguage, detectLanguageOf } from '../../shared/language.ts';
import { DEFAULT_PII_THRESHOLD } from './pii.ts';
import { type CompiledRule, evaluate, type TextItem } from './rules.ts';
import { piiSignal } from './text-signals.ts';

export interface EvalLine {
  id: string | number;
  text: string;
  kind?: string;
  title?: string;
  lang?: string;
}

/** A line of the labelled set: its language and the category it belongs to, or "none". */
export interface LabelledLine extends EvalLine {
  id: string;
  lang: string;
  label: string;
}

export const EVAL_KINDS = ['post', 'channel', 'bot', 'sticker_set'] as const;

/** Where the rules take a line's language from: the line's `lang`, or detection as at publishing. */
export type LanguageSource = 'given' | 'detected';

/**
 * The language publishing would store for a line's subject: a post's from its own text (its `title` is
 * the channel's), a channel's, bot's or sticker set's from its texts together. Null when undetermined.
 */
export function detectedLanguageOf(line: EvalLine): string | null {
  return (line.kind ?? 'post') === 'post' ? detectLanguage(line.text) : detectLanguageOf(line.title, line.text);
}

/** A line's language for the rules, from `source`; undefined when it has none (every keyword list applies). */
export function languageOf(line: EvalLine, source: LanguageSource): string | undefined {
  return (source === 'given' ? line.lang : detectedLanguageOf(line)) ?? undefined;
}

/** The fields a line's text and title stand for, by kind (a post by default), in language `language` (by default the line's `lang`). */
export function itemOfLine(line: EvalLine, language: string | undefined = line.lang): TextItem {
  const { text, title } = line;
  const lang = language ? { lang: language } : {};
  switch (line.kind ?? 'post') {
    case 'channel':
      return { fields: { channel_description: text, channel_title: title }, ...lang };
    case 'bot':
      return { fields: { bot_name: [title, text].filter(Boolean).join(' ') }, ...lang };
    case 'sticker_set':
      return { fields: { sticker_set_name: [title, text].filter(Boolean).join(' ') }, ...lang };
    case 'post':
      return { fields: { post_text: text, channel_title: title }, ...lang };
    default:
      throw new Error(`"kind" must be ${EVAL_KINDS.join(', ')}`);
  }
}

function asObject(raw: string): Record<string, unknown> {
  const v: unknown = JSON.parse(raw);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not a JSON object');
  return v as Record<string, unknown>;
}

/** One line of `vigil signals eval`'s input; throws a message naming the field at fault. */
export function parseEvalLine(raw: string): EvalLine {
  const o = asObject(raw);
  if (typeof o.id !== 'string' && typeof o.id !== 'number') throw new Error('"id" must be a string or a number');
  if (typeof o.text !== 'string') throw new Error('"text" must be a string');
  for (const k of ['kind', 'title', 'lang'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'string') throw new Error(`"${k}" must be a string`);
  }
  return { id: o.id, text: o.text, ...pick(o, 'kind'), ...pick(o, 'title'), ...pick(o, 'lang') };
}

function pick(o: Record<string, unknown>, k: 'kind' | 'title' | 'lang'): Partial<EvalLine> {
  return typeof o[k] === 'string' ? { [k]: o[k] } : {};
}

/** The labelled set's lines; throws naming the line at fault. */
export function parseLabelled(text: string): LabelledLine[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((raw, i) => {
      try {
        const line = parseEvalLine(raw);
        const o = asObject(raw);
        if (typeof line.id !== 'string') throw new Error('"id" must be a string');
        if (typeof line.lang !== 'string') throw new Error('"lang" is required');
        if (typeof o.label !== 'string' || o.label === '') throw new Error('"label" must be a category or "none"');
        return { ...line, id: line.id, lang: line.lang, label: o.label };
      } catch (err) {
        throw new Error(`line ${i + 1}: ${(err as Error).message}`);
      }
    });
}

export interface EvalOptions {
  /** Where the rules take each line's language from; `given` by default. */
  languages?: LanguageSource;
  piiThreshold?: number;
}

/** The categories a line raises under these rules and the personal-data leak detector. */
export function categoriesOf(rules: readonly CompiledRule[], line: EvalLine, options: EvalOptions = {}): Set<string> {
  const { languages = 'given', piiThreshold = DEFAULT_PII_THRESHOLD } = options;
  const item = itemOfLine(line, languageOf(line, languages));
  const found = new Set(evaluate(rules, item).map((s) => s.category));
  const pii = piiSignal(item, piiThreshold);
  if (pii) found.add(pii.category);
  return found;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** 1 when nothing was flagged (no false positive either). */
  precision: number;
  /** 1 when there was nothing to find. */
  recall: number;
}

function score(tp: number, fp: number, fn: number): Score {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

export interface LabelledScores {
  /** Per harm category: an item flagged in it that is labelled otherwise is a false positive. */
  byCategory: Map<string, Score>;
  /** Per language, over all harm categories (an item counts once per category it is flagged in or labelled with). */
  byLanguage: Map<string, Score>;
  /** The lines flagged wrongly or missed, for people tuning rules. */
  mistakes: Array<{ id: string; label: string; found: string[] }>;
  /** With detected languages: how many lines were detected in their own language, in none, and which in another. */
  detection?: { same: number; undetermined: number; other: Array<{ id: string; lang: string; detected: string }> };
}

/**
 * Precision and recall of the rules (as given: the caller decides which states count) on the labelled set.
 * Per language means per line's own `lang`, whichever language the rules were given.
 */
export function scoreLabelled(rules: readonly CompiledRule[], lines: readonly LabelledLine[], options: EvalOptions = {}): LabelledScores {
  const harms = [...new Set(lines.map((l) => l.label).filter((l) => l !== 'none'))].sort();
  const cat = new Map(harms.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
  const lang = new Map<string, { tp: number; fp: number; fn: number }>();
  const mistakes: LabelledScores['mistakes'] = [];
  for (const line of lines) {
    const found = categoriesOf(rules, line, options);
    const l = lang.get(line.lang) ?? { tp: 0, fp: 0, fn: 0 };
    lang.set(line.lang, l);
    for (const c of new Set([...found, ...(line.label === 'none' ? [] : [line.label])])) {
      const counts = cat.get(c) ?? { tp: 0, fp: 0, fn: 0 };
      cat.set(c, counts);
      const key = found.has(c) ? (c === line.label ? 'tp' : 'fp') : 'fn';
      counts[key]++;
      l[key]++;
    }
    if (found.size !== (line.label === 'none' ? 0 : 1) || (line.label !== 'none' && !found.has(line.label))) {
      mistakes.push({ id: line.id, label: line.label, found: [...found] });
    }
  }
  const scores = (m: Map<string, { tp: number; fp: number; fn: number }>) =>
    new Map([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, score(v.tp, v.fp, v.fn)]));
  const result: LabelledScores = { byCategory: scores(cat), byLanguage: scores(lang), mistakes };
  if (options.languages === 'detected') {
    const detected = lines.map((l) => ({ id: l.id, lang: l.lang, detected: detectedLanguageOf(l) }));
    result.detection = {
      same: detected.filter((d) => d.detected === d.lang).length,
      undetermined: detected.filter((d) => d.detected === null).length,
      other: detected.flatMap((d) => (d.detected !== null && d.detected !== d.lang ? [{ ...d, detected: d.detected }] : [])),
    };
  }
  return result;
}
