// Every language speaks every message: each catalogue (locales/, policy/i18n/) has exactly English's
// keys, each message parses as ICU MessageFormat, and uses the same placeholders and tags as English.
// The policy's English texts are policy.json's, word for word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IntlMessageFormat } from 'intl-messageformat';
import { type Catalogue, MESSAGES, POLICY_TEXTS } from '../../src/shared/i18n/catalogues.ts';
import { LANGUAGES } from '../../src/shared/i18n/languages.ts';
import { LOADING_WORDS } from '../../src/shared/i18n/loading-words.ts';
import policy from '../../policy/policy.json' with { type: 'json' };

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };

/** Placeholder and tag names of a message, with their kind (argument, plural, select, tag). */
function placeholders(message: string, lang: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.type !== 0 && n.type !== 7 && n.value) names.add(`${n.type === 8 ? 'tag' : n.type === 6 ? 'plural' : n.type === 5 ? 'select' : 'arg'}:${n.value}`);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
      if (n.children) walk(n.children);
    }
  };
  walk(new IntlMessageFormat(message, lang).getAst() as Node[]);
  return [...names].sort();
}

function checkCatalogues(name: string, catalogues: Readonly<Record<string, Catalogue>>) {
  const en = catalogues.en;
  for (const lang of LANGUAGES) {
    test(`${name}: ${lang} has every message, parsed, with English's placeholders`, () => {
      const c = catalogues[lang];
      assert.deepEqual(Object.keys(c).sort(), Object.keys(en).sort(), `${name}/${lang}.json keys differ from English`);
      for (const [key, message] of Object.entries(c)) {
        assert.ok(message.trim().length > 0, `${name}/${lang}.json "${key}" is empty`);
        let got: string[];
        try {
          got = placeholders(message, lang);
        } catch (err) {
          assert.fail(`${name}/${lang}.json "${key}" is not valid ICU MessageFormat: ${String(err)}`);
        }
        assert.deepEqual(got, placeholders(en[key], 'en'), `${name}/${lang}.json "${key}" uses other placeholders than English`);
      }
    });
  }
}

checkCatalogues('locales', MESSAGES);
checkCatalogues('policy/i18n', POLICY_TEXTS);

test('policy/i18n/en.json says what policy.json says', () => {
  const en = POLICY_TEXTS.en;
  for (const c of policy.categories) {
    assert.equal(en[`category.${c.id}.title`], c.title);
    assert.equal(en[`category.${c.id}.because`], c.because);
    assert.equal(en[`category.${c.id}.statement`], c.statement);
  }
  assert.equal(en['protectedExpression.title'], policy.protectedExpression.title);
  assert.equal(en['protectedExpression.statement'], policy.protectedExpression.statement);
  assert.equal(en['scope.outOfScopeStatement'], policy.scope.outOfScopeStatement);
  assert.equal(en['scope.accountStatement'], policy.scope.accountStatement);
  assert.equal(en.appeal, policy.appeal);
});

test('every in-app reason and subject kind has a label in the catalogues', () => {
  for (const reason of Object.keys(policy.inAppReasons)) assert.ok(MESSAGES.en[`inAppReason.${reason}`], reason);
  for (const kind of [...policy.scope.inScope, ...policy.scope.outOfScope, 'account']) assert.ok(MESSAGES.en[`kind.${kind}`], kind);
});

test('the loading word shown before a catalogue arrives is each catalogue’s own', () => {
  for (const lang of LANGUAGES) assert.equal(LOADING_WORDS[lang], MESSAGES[lang]['common.loading'], lang);
});
