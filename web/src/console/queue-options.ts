// The queue's filter choices: the server's own lists.
/** The languages the queue's menu offers first (the platforms' main ones); any detected tag works in the address. */
export const QUEUE_LANGUAGES = ['ar', 'ckb', 'fa', 'tr', 'ru', 'fr', 'en'] as const;
export { CASE_STATES, REPORT_SOURCES as SOURCES } from '../../../src/cases/case-values.ts';
