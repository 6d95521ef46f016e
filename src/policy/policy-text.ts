// The policy's texts in a reader's language (policy/i18n/<lang>.json, keyed by policy ids). English is
// policy.json's own wording (a test checks), so English answers and notices read as they always have.
import { policyT } from '../shared/i18n/format.ts';
import { DEFAULT_LANGUAGE, type Language } from '../shared/i18n/languages.ts';

export const categoryTitle = (id: string, lang: Language = DEFAULT_LANGUAGE) => policyT(lang, `category.${id}.title`);
export const categoryStatement = (id: string, lang: Language = DEFAULT_LANGUAGE) => policyT(lang, `category.${id}.statement`);
export const protectedExpressionText = (lang: Language = DEFAULT_LANGUAGE) => ({
  title: policyT(lang, 'protectedExpression.title'),
  statement: policyT(lang, 'protectedExpression.statement'),
});
export const outOfScopeStatement = (kind: string, lang: Language = DEFAULT_LANGUAGE) =>
  policyT(lang, kind === 'account' ? 'scope.accountStatement' : 'scope.outOfScopeStatement');
export const appealText = (lang: Language = DEFAULT_LANGUAGE) => policyT(lang, 'appeal');

/** The notice a blocked subject shows in place of its content. */
export const blockNotice = (kind: string, categoryId: string, lang: Language = DEFAULT_LANGUAGE) =>
  policyT(lang, 'notice.blocked', { kind, because: policyT(lang, `category.${categoryId}.because`) });

export const removalNotice = (categoryId: string, lang: Language = DEFAULT_LANGUAGE) =>
  policyT(lang, 'notice.removed', { because: policyT(lang, `category.${categoryId}.because`) });

export const restrictionNotice = (kind: string, country: string, legalBasis: string, lang: Language = DEFAULT_LANGUAGE) =>
  policyT(lang, 'notice.restricted', { kind, country, legalBasis });

export const heldNotice = (kind: string, lang: Language = DEFAULT_LANGUAGE) => policyT(lang, 'notice.held', { kind });

const RESTRICTED_EN = /\((?<country>[^()]*)\) because it violated local laws \((?<legalBasis>.*)\)\.$/s;

/**
 * A stored notice (written in English when the action was taken) in the viewer's language, rebuilt from
 * what it records: its code, category and subject kind. A restriction's legal basis is quoted as the
 * authority wrote it, read back from the English sentence; a text no template made stays as it is.
 */
export function localNotice(n: { code: string; category: string | null; text: string }, kind: string, lang: Language): string {
  if (lang === DEFAULT_LANGUAGE) return n.text;
  if (n.code === 'held') return heldNotice(kind, lang);
  if (n.category === null) return n.text;
  if (n.code === 'blocked') return blockNotice(kind, n.category, lang);
  if (n.code === 'removed') return removalNotice(n.category, lang);
  const m = n.code === 'restricted' ? RESTRICTED_EN.exec(n.text) : null;
  return m?.groups ? restrictionNotice(kind, m.groups.country, m.groups.legalBasis, lang) : n.text;
}
