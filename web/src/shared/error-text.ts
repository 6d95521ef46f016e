// An API error in the reader's language: said by its machine code (`error.code.<code>`) and each field
// problem by its kind (`error.field.<kind>`), from the page's catalogue; the API's own words are English
// and are said only on an English page (a code no catalogue knows yet) or outside the public pages (the
// console, which has no catalogue). A page in another language never shows the API's English sentence.
import type { IntlShape } from 'react-intl';
import { DEFAULT_LANGUAGE } from '../../../src/shared/i18n/languages.ts';
import { isBoundedKind } from '../../../src/shared/errors.ts';
import type { ApiError, FieldProblem } from './api-error.ts';

/**
 * Every code a public page can meet (the API's on the public routes, and the web client's own): each has
 * `error.code.<code>` in every catalogue (test/repo/error-messages.test.ts), and test/api/public-errors.test.ts
 * checks that the public routes answer with no other.
 */
export const PUBLIC_ERROR_CODES = [
  // The web client's own (api-error.ts, api.ts)
  'network_error',
  // Any route
  'internal_error',
  'busy',
  'not_ready',
  'rate_limited',
  'invalid_request',
  'invalid_json',
  'invalid_text',
  'invalid_url',
  'bad_request',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'unauthorized',
  // Reports
  'invalid_report',
  'invalid_subject',
  'unknown_platform',
  'idempotency_key_reused',
  // Appeals
  'appeal_invalid',
  'decision_reversed',
  'appeal_window_closed',
  'already_appealed',
  'not_your_notice',
  'not_appealable',
  'not_decided',
  // /protect and /transparency
  'invalid_hashes',
  'invalid_period',
] as const;

const has = (intl: IntlShape, id: string) => Object.hasOwn(intl.messages, id);
const isEnglish = (intl: IntlShape) => intl.locale === DEFAULT_LANGUAGE;
/** A code inside a sentence of either direction: isolated, so "(code x_y)" does not reorder around it. */
const isolated = (code: string) => `\u2068${code}\u2069`;

/** The error's sentence; `intl` is undefined outside the public pages. */
export function errorText(err: ApiError, intl: IntlShape | undefined): string {
  if (!intl) return err.message;
  const id = `error.code.${err.code}`;
  if (has(intl, id)) return intl.formatMessage({ id });
  // An answer that is not our JSON (a proxy's 502 page): the server had a problem, whatever its code.
  if (err.status >= 500) return intl.formatMessage({ id: 'error.code.internal_error' });
  if (isEnglish(intl)) return err.message;
  return intl.formatMessage({ id: 'error.unknown' }, { code: isolated(err.code) });
}

/** What is wrong with one field, in the page's words. */
export function fieldProblemText(problem: FieldProblem, intl: IntlShape | undefined): string {
  if (!intl) return problem.message;
  const id = `error.field.${problem.kind}`;
  // A bounded kind's message names the bound missed (`{limit}`).
  const bounded = problem.kind !== undefined && isBoundedKind(problem.kind);
  if (has(intl, id) && (!bounded || problem.limit !== undefined)) return intl.formatMessage({ id }, bounded ? { limit: problem.limit } : undefined);
  if (isEnglish(intl)) return problem.message;
  return intl.formatMessage({ id: 'error.field.invalid' });
}
