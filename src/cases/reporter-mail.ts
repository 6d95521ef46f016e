// Reporters who wrote by mail are told the decision by mail too. Cases know only this port; the abuse
// mailbox (intake/mail) implements it and writes the mails to its outbox in the deciding transaction.
import type { Db } from '../db/database.ts';
import type { Answer } from './answer.ts';

export interface MailedReport {
  id: string;
  link: string;
  email: string;
  /** The detected language of the report's text (the mail's), if any. */
  language: string | null;
}

export interface ReporterMail {
  tell(trx: Db, reports: MailedReport[], answer: Answer, at: string): Promise<void>;
}

export const noReporterMail: ReporterMail = { tell: async () => {} };
