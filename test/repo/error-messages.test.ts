// The public pages say every API error in their own language: each code they can meet and each kind of
// field problem has a message in every catalogue, and the shared helper (web/src/shared/error-text.ts)
// never puts the API's English sentence on a page in another language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createIntl } from 'react-intl';
import { MESSAGES } from '../../src/shared/i18n/catalogues.ts';
import { LANGUAGES } from '../../src/shared/i18n/languages.ts';
import { FIELD_PROBLEM_KINDS } from '../../src/shared/errors.ts';
import { ApiError } from '../../web/src/shared/api-error.ts';
import { errorText, fieldProblemText, PUBLIC_ERROR_CODES } from '../../web/src/shared/error-text.ts';

const intlFor = (lang: (typeof LANGUAGES)[number]) => createIntl({ locale: lang, messages: MESSAGES[lang], defaultLocale: 'en' });
const latinWords = (s: string) => s.match(/[A-Za-z]{2,}/g) ?? [];

test('every error code a public page can meet, and every kind of field problem, has a message in every catalogue', () => {
  for (const lang of LANGUAGES) {
    for (const code of PUBLIC_ERROR_CODES) assert.ok(MESSAGES[lang][`error.code.${code}`], `${lang}: error.code.${code}`);
    for (const kind of FIELD_PROBLEM_KINDS) assert.ok(MESSAGES[lang][`error.field.${kind}`], `${lang}: error.field.${kind}`);
    assert.ok(MESSAGES[lang]['error.unknown'], `${lang}: error.unknown`);
  }
});

test('on an Arabic page an error is said in Arabic: by its code, its field problems by kind, an unknown code by a generic sentence', () => {
  const ar = intlFor('ar');
  const notALink = new ApiError(400, 'invalid_subject', 'The link is not a channel, post, bot or sticker set link.', [
    { field: 'subject', kind: 'not_a_link', message: 'The link is not a channel, post, bot or sticker set link.' },
  ]);
  assert.equal(errorText(notALink, ar), MESSAGES.ar['error.code.invalid_subject']);
  assert.equal(fieldProblemText(notALink.fieldProblems[0], ar), MESSAGES.ar['error.field.not_a_link']);

  const tooLong = new ApiError(400, 'invalid_request', '"explanation" must NOT have more than 5000 characters.', [
    { field: 'explanation', kind: 'too_long', message: 'must NOT have more than 5000 characters', limit: 5000 },
  ]);
  const said = fieldProblemText(tooLong.fieldProblems[0], ar);
  assert.deepEqual(latinWords(said), [], said);
  assert.match(said.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[^\d]/g, ''), /^5000$/, said);

  // A code and a kind no catalogue knows: the generic sentence with the code, never the English message.
  const unknown = new ApiError(409, 'brand_new_code', 'Some English sentence.', [{ field: 'subject', kind: 'brand_new_kind', message: 'English words' }]);
  const generic = errorText(unknown, ar);
  assert.ok(generic.includes('brand_new_code'), generic);
  assert.deepEqual(
    latinWords(generic).filter((w) => !'brand_new_code'.includes(w)),
    [],
    generic,
  );
  assert.equal(fieldProblemText(unknown.fieldProblems[0], ar), MESSAGES.ar['error.field.invalid']);
  // A bound kind without its bound says the generic field sentence, not a broken one.
  assert.equal(fieldProblemText({ field: 'x', kind: 'too_long', message: 'too long' }, ar), MESSAGES.ar['error.field.invalid']);
  // Not our JSON (a proxy's 502): the server had a problem.
  assert.equal(errorText(new ApiError(502, 'http_502', 'The server had a problem (HTTP 502).'), ar), MESSAGES.ar['error.code.internal_error']);
});

test('on an English page an unknown code falls back to the API message; outside the public pages (the console) the API message is said', () => {
  const en = intlFor('en');
  const unknown = new ApiError(409, 'brand_new_code', 'Some English sentence.', [{ field: 'subject', kind: 'brand_new_kind', message: 'English words' }]);
  assert.equal(errorText(unknown, en), 'Some English sentence.');
  assert.equal(fieldProblemText(unknown.fieldProblems[0], en), 'English words');
  assert.equal(
    errorText(new ApiError(429, 'rate_limited', 'Too many reports from this address; try again in 1 minute.'), en),
    MESSAGES.en['error.code.rate_limited'],
  );
  assert.equal(errorText(unknown, undefined), 'Some English sentence.');
  assert.equal(fieldProblemText(unknown.fieldProblems[0], undefined), 'English words');
});
