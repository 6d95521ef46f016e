// The mails Vigil writes to people who reported by mail, in their language, from the catalogues
// (locales/<lang>.json, keys mail.*) and the policy's own texts. Plain text: nothing a reporter sent is
// ever rendered as HTML, and links stay as written, each on its own line.
import { type Answer, localAnswer } from '../../cases/answer.ts';
import { t } from '../../shared/i18n/format.ts';
import type { Language } from '../../shared/i18n/languages.ts';

export interface MailText {
  subject: string;
  body: string;
}

export interface FiledReport {
  link: string;
  id: string;
  statusUrl: string;
  /** Set when the report was declined at once (a private group): the policy's answer. */
  declined?: Answer;
}

const paragraphs = (...parts: Array<string | undefined>) => `${parts.filter((p) => p !== undefined && p !== '').join('\n\n')}\n`;
/** A subject line stays one line whatever a reporter's subject held. */
const oneLine = (s: string) => s.replace(/[\r\n\t]+/gu, ' ').slice(0, 200);

export function receiptText(lang: Language, filed: FiledReport[], replyTo: string): MailText {
  const items = filed.map((r) => {
    if (!r.declined) return t(lang, 'mail.receipt.item', { id: r.id, link: r.link, statusUrl: r.statusUrl });
    const local = localAnswer(r.declined, lang);
    return `${t(lang, 'mail.receipt.declined', { id: r.id, link: r.link })}\n${local.statement}`;
  });
  return {
    subject: oneLine(`${replyTo ? `Re: ${replyTo} — ` : ''}${t(lang, 'mail.receipt.subject', { count: filed.length })}`),
    body: paragraphs(t(lang, 'mail.receipt.intro', { count: filed.length }), ...items, t(lang, 'mail.footer')),
  };
}

export function noSubjectText(lang: Language, publicUrl: string, replyTo: string): MailText {
  return {
    subject: oneLine(`${replyTo ? `Re: ${replyTo} — ` : ''}${t(lang, 'mail.noSubject.subject')}`),
    body: paragraphs(
      t(lang, 'mail.noSubject.body', { example: `${publicUrl}/c/<handle>/<post>`, formUrl: `${publicUrl}/report?lang=${lang}` }),
      t(lang, 'mail.footer'),
    ),
  };
}

/** A decision told to a reporter: the outcome, the policy's sentence in their language above the moderator's statement as written, and how to appeal. */
export function decisionText(lang: Language, report: { id: string; link: string }, answer: Answer): MailText {
  const local = localAnswer(answer, lang);
  return {
    subject: oneLine(t(lang, 'mail.decision.subject', { id: report.id })),
    body: paragraphs(
      t(lang, 'mail.decision.intro', { id: report.id, link: report.link }),
      t(lang, 'mail.decision.outcome', { outcome: local.outcome, category: local.categoryTitle ?? '' }),
      `${t(lang, 'mail.decision.statement')}\n${local.policyStatement ? `${local.policyStatement}\n` : ''}${local.statement}`,
      `${t(lang, 'mail.decision.appeal')}\n${local.appeal}`,
      t(lang, 'mail.footer'),
    ),
  };
}
