// The message catalogues, one per language, shared by the server and the web app: locales/<lang>.json
// (pages, notices, statuses) and policy/i18n/<lang>.json (the policy's texts, keyed by policy ids).
// Flat keys, ICU MessageFormat messages; test/repo/i18n-catalogues.test.ts keeps every language complete.
import en from '../../../locales/en.json' with { type: 'json' };
import ar from '../../../locales/ar.json' with { type: 'json' };
import ckb from '../../../locales/ckb.json' with { type: 'json' };
import fa from '../../../locales/fa.json' with { type: 'json' };
import tr from '../../../locales/tr.json' with { type: 'json' };
import ru from '../../../locales/ru.json' with { type: 'json' };
import fr from '../../../locales/fr.json' with { type: 'json' };
import policyEn from '../../../policy/i18n/en.json' with { type: 'json' };
import policyAr from '../../../policy/i18n/ar.json' with { type: 'json' };
import policyCkb from '../../../policy/i18n/ckb.json' with { type: 'json' };
import policyFa from '../../../policy/i18n/fa.json' with { type: 'json' };
import policyTr from '../../../policy/i18n/tr.json' with { type: 'json' };
import policyRu from '../../../policy/i18n/ru.json' with { type: 'json' };
import policyFr from '../../../policy/i18n/fr.json' with { type: 'json' };
import type { Language } from './languages.ts';

export type Catalogue = Readonly<Record<string, string>>;

/** Page messages (locales/). */
export const MESSAGES: Readonly<Record<Language, Catalogue>> = { en, ar, ckb, fa, tr, ru, fr };
/** Policy texts (policy/i18n/). */
export const POLICY_TEXTS: Readonly<Record<Language, Catalogue>> = {
  en: policyEn,
  ar: policyAr,
  ckb: policyCkb,
  fa: policyFa,
  tr: policyTr,
  ru: policyRu,
  fr: policyFr,
};
