// The queue's filter choices: the server's own lists.
export { CASE_STATES, REPORT_SOURCES as SOURCES } from '../../../src/cases/case-values.ts';
