// What a reporter can see of their report: its timeline and, once decided, the answer with the statement
// of reasons. Access with the receipt, or as the account or key that filed it. Moderators stay unnamed.
import type { Db } from '../db/database.ts';
import type { Report } from '../cases/case-rows.ts';
import { notFound } from '../shared/errors.ts';
import type { ServerSecret } from '../shared/secrets.ts';
import { receiptMatches } from './receipt.ts';
import { CasesRepository } from '../cases/cases.repository.ts';
import { EnforcementRepository } from '../enforcement/enforcement.repository.ts';
import { category as policyCategory } from '../policy/policy.ts';

const PUBLIC_EVENTS: Record<string, string> = {
  claimed: 'A moderator is reviewing the report.',
  escalated: 'The case was escalated for senior review.',
  decided: 'A decision was taken.',
  reversed: 'The decision was reversed.',
  appeal_filed: 'The decision was appealed.',
  appeal_decided: 'An appeal against the decision was decided.',
};

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

  async get(id: string, access: { receipt?: string; reporterKey?: string }) {
    const r = await new CasesRepository(this.#db).findReport(id);
    // Whether the report exists is itself private: a wrong receipt looks like an unknown report.
    if (!r || !this.#allowed(r, access)) throw notFound('Report');
    return this.#view(r);
  }

  #allowed(r: Report, access: { receipt?: string; reporterKey?: string }): boolean {
    return reportOpensTo(this.#secret, r, access);
  }

  async #view(r: Report) {
    const timeline: Array<{ at: string; event: string; text: string }> = [
      { at: r.created_at, event: 'received', text: 'Your report was received and recorded.' },
    ];
    if (r.status === 'declined_out_of_scope') {
      timeline.push({
        at: r.answered_at ?? r.created_at,
        event: 'declined_out_of_scope',
        text:
          r.subject_kind === 'account'
            ? 'The report names an account; we review what accounts publish, not accounts as such.'
            : 'The report is about a private conversation, which we do not process.',
      });
    } else if (r.case_id) {
      for (const e of await new CasesRepository(this.#db).events(r.case_id)) {
        if (e.created_at < r.created_at || !PUBLIC_EVENTS[e.kind]) continue;
        timeline.push({ at: e.created_at, event: e.kind, text: PUBLIC_EVENTS[e.kind] });
      }
      if (r.status === 'decided' && !timeline.some((t) => t.event === 'decided')) {
        timeline.push({ at: r.answered_at ?? r.created_at, event: 'decided', text: 'The subject was already decided; the standing decision applies.' });
      }
    }
    return {
      id: r.id,
      status: r.status,
      createdAt: r.created_at,
      subject: { kind: r.subject_kind, link: r.subject_link },
      category: r.category,
      categoryTitle: policyCategory(r.category).title,
      timeline,
      answer: r.answer ? JSON.parse(r.answer) : null,
    };
  }

  /** Statements of reasons for actions on an account's own subjects. Never names who reported. */
  async noticesOf(accountId: string) {
    const rows = await new EnforcementRepository(this.#db).noticesOf(accountId, 100);
    return rows.map((n) => ({ id: n.id, createdAt: n.created_at, subject: { kind: n.subject_kind, id: n.subject_id }, ...JSON.parse(n.statement) }));
  }
}
