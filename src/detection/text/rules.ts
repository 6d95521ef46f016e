// Text rules, compiled and evaluated. Pure: `compileRules` checks what the schema cannot (known policy
// category, valid RE2 patterns, at least one keyword or pattern) and `evaluate` returns the signals a
// subject's texts raise. Patterns run by re2js (RE2 semantics: linear time, no backreferences, no
// lookaround), never by JavaScript's backtracking RegExp, so no rule can stall the process.
import { RE2JS } from 're2js';
import { isWordChar, normalise } from './normalise.ts';
import type { Rule, RuleField, RuleState } from './rule-schema.ts';

/** Longest text a rule looks at, per field; the rest is not read (posts are at most 10,000 characters). */
export const MAX_TEXT = 64_000;
/** Characters of context kept on each side of a match in its excerpt. */
const CONTEXT = 40;
/** Longest excerpt stored or shown. */
export const MAX_EXCERPT = 160;

interface Term {
  key: string;
  /** `*` at the start or end: the word may go on on that side (Arabic prefixes, endings). */
  openStart: boolean;
  openEnd: boolean;
}

export interface CompiledRule {
  rule: Rule;
  keywords: Map<string, Term[]>;
  with: Map<string, Term[]> | null;
  unless: Map<string, Term[]> | null;
  /**
   * The rule's patterns: `any` is their alternation, tested once per text (re2js answers "does it match"
   * far faster than "where", and faster for one alternation than for each pattern); `each` finds where,
   * only after `any` matched. Null without patterns.
   */
  patterns: { any: RE2JS; each: RE2JS[] } | null;
}

export interface TextItem {
  /** The texts of the subject, by field. */
  fields: Partial<Record<RuleField, string>>;
  lang?: string;
  channelAgeDays?: number;
  reach?: number;
  /** What the item's media showed on upload: how many items, and whether any matched a hash-bank entry. */
  media?: { count: number; matched: boolean };
}

export interface Signal {
  source: 'rule';
  rule: string;
  category: string;
  score: number;
  state: Exclude<RuleState, 'draft'>;
  field: RuleField;
  /** The matched words with a little context, from the normalised text, at most MAX_EXCERPT characters. */
  excerpt: string;
}

export class RuleError extends Error {
  readonly ruleId: string;
  constructor(ruleId: string, message: string) {
    super(`rule "${ruleId}": ${message}`);
    this.ruleId = ruleId;
  }
}

function compileTerms(lists: Record<string, string[]>): Map<string, Term[]> {
  const out = new Map<string, Term[]>();
  for (const [lang, terms] of Object.entries(lists)) {
    out.set(
      lang,
      terms
        .map((t) => {
          const openStart = t.startsWith('*');
          const openEnd = t.endsWith('*') && t.length > 1;
          return { key: normalise(t.slice(openStart ? 1 : 0, openEnd ? -1 : undefined)), openStart, openEnd };
        })
        .filter((t) => t.key.length > 0),
    );
  }
  return out;
}

/** Compiles validated rules; throws RuleError naming the first rule at fault. */
export function compileRules(rules: Rule[], categories: ReadonlySet<string>): CompiledRule[] {
  const seen = new Set<string>();
  return rules.map((rule) => {
    if (seen.has(rule.id)) throw new RuleError(rule.id, 'the id is used twice');
    seen.add(rule.id);
    if (!categories.has(rule.category)) throw new RuleError(rule.id, `"${rule.category}" is not a category of policy/policy.json`);
    const sources = rule.patterns ?? [];
    // Each pattern compiled alone first, so an error names the pattern at fault.
    const each = sources.map((p) => {
      try {
        return RE2JS.compile(p);
      } catch (err) {
        throw new RuleError(rule.id, `pattern ${JSON.stringify(p)} is not valid RE2: ${(err as Error).message}`);
      }
    });
    const patterns = sources.length === 0 ? null : { any: RE2JS.compile(sources.map((p) => `(?:${p})`).join('|')), each };
    const keywords = compileTerms(rule.keywords ?? {});
    const anyKeyword = [...keywords.values()].some((l) => l.length > 0);
    if (!anyKeyword && patterns === null) throw new RuleError(rule.id, 'it needs at least one keyword or pattern');
    if (rule.with && !anyKeyword) throw new RuleError(rule.id, '"with" narrows "keywords", so it needs keywords');
    return {
      rule,
      keywords,
      with: rule.with ? compileTerms(rule.with) : null,
      unless: rule.unless ? compileTerms(rule.unless) : null,
      patterns,
    };
  });
}

/** The whole character (a surrogate pair too) that ends just before `i`. */
function charBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}

/** Where `term` occurs in `text` as a whole word (or open on a side marked with `*`); -1 if nowhere. */
function findTerm(text: string, term: Term): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(term.key, from);
    if (at < 0) return -1;
    const end = at + term.key.length;
    const startOk = term.openStart || at === 0 || !isWordChar(charBefore(text, at));
    const endOk = term.openEnd || end >= text.length || !isWordChar(String.fromCodePoint(text.codePointAt(end) as number));
    if (startOk && endOk) return at;
    from = at + 1;
  }
}

function listsFor(lists: Map<string, Term[]>, lang: string | undefined): Term[][] {
  // A known language uses its own list when the rule has one (`ar-IQ` the `ar` list, as `applies` lets it
  // pass by `ar`); otherwise, and for an undetermined language, every list applies.
  const own = lang === undefined ? undefined : (lists.get(lang) ?? lists.get(lang.split('-')[0]));
  return own ? [own] : [...lists.values()];
}

function firstMatch(text: string, lists: Term[][]): { at: number; length: number } | undefined {
  for (const list of lists) {
    for (const term of list) {
      const at = findTerm(text, term);
      if (at >= 0) return { at, length: term.key.length };
    }
  }
  return undefined;
}

function excerptOf(text: string, at: number, length: number): string {
  const start = Math.max(0, at - CONTEXT);
  const end = Math.min(text.length, at + length + CONTEXT);
  const s = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  return s.length > MAX_EXCERPT ? `${s.slice(0, MAX_EXCERPT - 1)}…` : s;
}

function matchRule(c: CompiledRule, text: string, lang: string | undefined): { at: number; length: number } | undefined {
  // Cheapest first: keywords, then the patterns; `unless` is read only for a hit.
  let hit = firstMatch(text, listsFor(c.keywords, lang));
  if (hit && c.with && !firstMatch(text, listsFor(c.with, lang))) hit = undefined;
  if (!hit && c.patterns?.any.test(text)) {
    for (const p of c.patterns.each) {
      const m = p.matcher(text);
      if (m.find()) {
        hit = { at: m.start(), length: Math.max(1, m.end() - m.start()) };
        break;
      }
    }
  }
  if (hit && c.unless && firstMatch(text, listsFor(c.unless, lang))) return undefined;
  return hit;
}

function applies(rule: Rule, item: TextItem): boolean {
  if (rule.state === 'draft') return false;
  if (item.lang !== undefined && !rule.languages.includes(item.lang) && !rule.languages.includes(item.lang.split('-')[0])) return false;
  // A condition narrows a rule only when the item says the value: the CLI's lines, for one, carry neither.
  const c = rule.conditions;
  if (c?.maxChannelAgeDays !== undefined && item.channelAgeDays !== undefined && item.channelAgeDays > c.maxChannelAgeDays) return false;
  if (c?.minReach !== undefined && item.reach !== undefined && item.reach < c.minReach) return false;
  if (c?.hasMedia !== undefined && item.media !== undefined && item.media.count > 0 !== c.hasMedia) return false;
  if (c?.mediaMatched !== undefined && item.media !== undefined && item.media.matched !== c.mediaMatched) return false;
  return true;
}

/** The signals a subject's texts raise under the shadow and live rules (draft rules do nothing); one per rule at most. */
export function evaluate(rules: readonly CompiledRule[], item: TextItem): Signal[] {
  const normalised = new Map<RuleField, string>();
  const textOf = (f: RuleField): string | undefined => {
    const raw = item.fields[f];
    if (raw === undefined || raw === '') return undefined;
    let n = normalised.get(f);
    if (n === undefined) {
      n = normalise(raw.slice(0, MAX_TEXT));
      normalised.set(f, n);
    }
    return n;
  };
  const signals: Signal[] = [];
  for (const c of rules) {
    if (!applies(c.rule, item)) continue;
    for (const field of c.rule.fields) {
      const text = textOf(field);
      if (text === undefined) continue;
      const hit = matchRule(c, text, item.lang);
      if (!hit) continue;
      signals.push({
        source: 'rule',
        rule: c.rule.id,
        category: c.rule.category,
        score: c.rule.score,
        state: c.rule.state === 'live' ? 'live' : 'shadow',
        field,
        excerpt: excerptOf(text, hit.at, hit.length),
      });
      break;
    }
  }
  return signals;
}
