import type { CaseState, ReportSource } from '../shared/types.ts';

export const CASE_STATES: CaseState[] = ['open', 'in_review', 'escalated', 'decided', 'reversed'];
export const SOURCES: ReportSource[] = ['anonymous', 'in_app', 'trusted_flagger', 'authority', 'platform', 'automated'];
