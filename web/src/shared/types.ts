// The API's answers as the web app uses them: names for types generated from the server's OpenAPI
// document (src/client/api-types.ts, `npm run api:types`), so the app and the server cannot drift apart.
import type { ResponseBody } from 'vigil/client';

export type StaffUser = SessionInfo['user'];
export type Role = StaffUser['role'];
export { ROLES } from '../../../src/people/roles.ts';
export type SessionInfo = ResponseBody<'/api/v1/session', 'get'>;

export type CaseList = ResponseBody<'/api/v1/cases', 'get'>;
export type CaseSummary = CaseList['cases'][number];
export type CaseState = CaseSummary['state'];
export type ReportSource = CaseSummary['sources'][number];
export type Outcome = NonNullable<CaseSummary['outcome']>;
export type SubjectRef = CaseSummary['subject'];
export type StateCount = ResponseBody<'/api/v1/cases/counts', 'get'>['counts'][number];

export type CaseDetail = ResponseBody<'/api/v1/cases/{id}', 'get'>;
export type SubjectNow = NonNullable<CaseDetail['subjectNow']>;
export type PostView = Extract<SubjectNow, { kind: 'channel' }>['recentPosts'][number];
export type Media = ResponseBody<'/api/v1/media/{id}', 'get'>;
export type CaseReport = CaseDetail['reports'][number];
export type CaseEvent = CaseDetail['events'][number];
export type Decision = NonNullable<CaseDetail['decision']>;
export type ActionKind = Decision['actions'][number];
export type RelatedCase = CaseDetail['relatedCases'][number];
export type ReportSplit = CaseDetail['reportSplit'];

export type Policy = ResponseBody<'/api/v1/policy', 'get'>;
export type PolicyCategory = Policy['categories'][number];

export type ReportStatusView = ResponseBody<'/api/v1/reports/{id}', 'get'>;
export type Answer = NonNullable<ReportStatusView['answer']>;
export type ReportAck = ResponseBody<'/api/v1/reports', 'post'>;

export type AppealFiled = ResponseBody<'/api/v1/appeals', 'post'>;
export type AppealStatusView = ResponseBody<'/api/v1/appeals/{id}', 'get'>;
export type AppealList = ResponseBody<'/api/v1/appeals', 'get'>;
export type AppealSummary = AppealList['appeals'][number];
export type AppealCounts = ResponseBody<'/api/v1/appeals/counts', 'get'>;
export type AppealDetail = ResponseBody<'/api/v1/appeals/{id}/review', 'get'>;
export { APPEAL_OUTCOMES, APPEAL_STATES } from '../../../src/cases/case-values.ts';

export type TransparencyFigures = ResponseBody<'/api/v1/transparency', 'get'>;
export type TransparencyPeriod = TransparencyFigures['total'];
