// What a reporter can see of their report: its timeline and, once decided, the answer with the statement
// of reasons. Access with the receipt, or as the account or key that filed it. Moderators stay unnamed.
import type { Db } from '../db/database.ts';
import type { Report } from '../cases/case-rows.ts';
import type { CaseEventKind } from '../cases/case-values.ts';
import { notFound } from '../shared/errors.ts';
import type { ServerSecret } from '../shared/secrets.ts';
import { receiptMatches } from './receipt.ts';
import { CasesRepository } from '../cases/cases.repository.ts';
import { EnforcementRepository } from '../enforcement/enforcement.repository.ts';
import { localAnswer } from '../cases/answer.ts';
import { categoryTitle } from '../policy/policy-text.ts';
import { t } from '../shared/i18n/format.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../shared/i18n/languages.ts';

/**
 * The language a status is said in: the one the reader names explicitly (a `lang` parameter), else the
 * one the reporter filed in, else the reader's remembered or browser language (`negotiated`).
 */
export interface StatusLanguage {
  explicit?: Language;
  negotiated: Language;
}

/** The case events a reporter sees, each said by its catalogue message (`timeline.<kind>`). */
const PUBLIC_EVENTS: readonly Exclude<CaseEventKind, 'report_added'>[] = ['claimed', 'escalated', 'decided', 'reversed', 'appeal_filed', 'appeal_decided'];
/** The most case events a report's timeline shows (the latest). */
const TIMELINE_EVENTS = 50;

/** Whether a report opens to the caller: its receipt, or the (non-anonymous) reporter that filed it. */
export function reportOpensTo(secret: ServerSecret, r: Report, access: { receipt?: string; reporterKey?: string }): boolean {
  if (access.receipt && receiptMatches(secret, r, access.receipt)) return true;
  return access.reporterKey !== undefined && access.reporterKey === r.reporter_key && !r.reporter_key.startsWith('anon:');
}

export class ReportStatusService {
  #db: Db;
  #secret: ServerSecret;
  constructor(db: Db, secret: ServerSecret) {
    this.#db = db;
    this.#secret = secret;
  }

  async get(id: string, access: { receipt?: string; reporterKey?: string }, lang: StatusLanguage = { negotiated: DEFAULT_LANGUAGE }) {
    const r = await new CasesRepository(this.#db).findReport(id);
    // Whether the report exists is itself private: a wrong receipt looks like an unknown report.
    if (!r || !this.#allowed(r, access)) throw notFound('Report');
    return this.#view(r, lang.explicit ?? (isLanguage(r.reply_language) ? r.reply_language : lang.negotiated));
  }

  #allowed(r: Report, access: { receipt?: string; reporterKey?: string }): boolean {
    return reportOpensTo(this.#secret, r, access);
  }

  async #view(r: Report, lang: Language) {
    const timeline: Array<{ at: string; event: string; text: string }> = [{ at: r.created_at, event: 'received', text: t(lang, 'timeline.received') }];
    if (r.status === 'declined_out_of_scope') {
      timeline.push({
        at: r.answered_at ?? r.created_at,
        event: 'declined_out_of_scope',
        text: t(lang, r.subject_kind === 'account' ? 'timeline.declinedAccount' : 'timeline.declinedPrivate'),
      });
    } else if (r.case_id) {
      // Only the kinds a reporter sees, since this report came: a viral case's thousands of report events are not read.
      for (const e of await new CasesRepository(this.#db).latestEventsOfKinds(r.case_id, PUBLIC_EVENTS, TIMELINE_EVENTS, r.created_at)) {
        timeline.push({ at: e.created_at, event: e.kind, text: t(lang, `timeline.${e.kind}`) });
      }
      if (r.status === 'decided' && !timeline.some((t) => t.event === 'decided')) {
        timeline.push({ at: r.answered_at ?? r.created_at, event: 'decided', text: t(lang, 'timeline.standing') });
      }
    }
    return {
      id: r.id,
      status: r.status,
      createdAt: r.created_at,
      subject: { kind: r.subject_kind, link: r.subject_link },
      category: r.category,
      categoryTitle: categoryTitle(r.category, lang),
      timeline,
      answer: r.answer ? localAnswer(JSON.parse(r.answer), lang) : null,
    };
  }

  /**
   * Statements of reasons for actions on an account's own subjects, in the reader's language (the policy's
   * texts; a moderator's statement as written, as for reporters). Never names who reported.
   */
  async noticesOf(accountId: string, lang: Language = DEFAULT_LANGUAGE) {
    const rows = await new EnforcementRepository(this.#db).noticesOf(accountId, 100);
    return rows.map((n) => {
      const statement = JSON.parse(n.statement);
      // A reversal carries only its outcome, statement and date: nothing of the policy to say again.
      const said = statement.outcome !== 'reversed' && typeof statement.appeal === 'string' ? localAnswer(statement, lang) : statement;
      return { id: n.id, createdAt: n.created_at, subject: { kind: n.subject_kind, id: n.subject_id }, ...said };
    });
  }
}
