// The format of a rule file (rules/*.yaml, rules/*.json): one TypeBox schema, used to validate the files
// and to describe rules in the API. rules/README.md explains it in words.
import { Type, type Static } from 'typebox';

/** draft: does nothing; shadow: records what it would have done; live: opens or joins a case. */
export const RULE_STATES = ['draft', 'shadow', 'live'] as const;
export type RuleState = (typeof RULE_STATES)[number];

/** The texts a rule can look at. */
export const RULE_FIELDS = ['post_text', 'channel_title', 'channel_description', 'bot_name', 'sticker_set_name'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));

/** A language code (ISO 639-1 or -3, optionally with a script or region: `ar`, `ckb`, `fa`, `sr-Latn`). */
const Lang = Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' });
const Term = Type.String({ minLength: 1, maxLength: 200 });
/** Keyword lists by language: `{en: [...], ar: [...]}`. */
const KeywordLists = Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }), Type.Array(Term, { maxItems: 500 }));

export const RuleSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{1,63}$' }),
    description: Type.String({ minLength: 1, maxLength: 1000 }),
    category: Type.String({ minLength: 1, maxLength: 64 }),
    state: literals(RULE_STATES),
    languages: Type.Array(Lang, { minItems: 1, maxItems: 50 }),
    fields: Type.Array(literals(RULE_FIELDS), { minItems: 1 }),
    /** Any one of these matches (OR). */
    keywords: Type.Optional(KeywordLists),
    /** When present, one of these must match too (AND with `keywords`). */
    with: Type.Optional(KeywordLists),
    /** When one of these matches, the rule does not (news and help-seeking wording: "police arrested", "what should I do"). */
    unless: Type.Optional(KeywordLists),
    /** RE2 patterns over the normalised text; any one matching is a hit on its own. */
    patterns: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { maxItems: 50 })),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    conditions: Type.Optional(
      Type.Object(
        {
          /** Only channels (and their posts) at most this many days old. */
          maxChannelAgeDays: Type.Optional(Type.Integer({ minimum: 0 })),
          /** Only subjects with at least this reach (subscribers). */
          minReach: Type.Optional(Type.Integer({ minimum: 0 })),
          /** true: only items carrying media (images, videos, files); false: only items without. */
          hasMedia: Type.Optional(Type.Boolean()),
          /** true: only items whose media matched a hash-bank entry on upload; false: only items whose media did not. */
          mediaMatched: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Rule = Static<typeof RuleSchema>;

export const RuleFileSchema = Type.Object({ rules: Type.Array(RuleSchema, { maxItems: 1000 }) }, { additionalProperties: false });
export type RuleFile = Static<typeof RuleFileSchema>;
