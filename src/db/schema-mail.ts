// Table types for the abuse mailbox (migration 2026-12-05-95-mailbox).
import type { Flag } from './columns.ts';

export const MAIL_FORMATS = ['plain', 'arf', 'xarf'] as const;
export type MailFormatColumn = (typeof MAIL_FORMATS)[number];
/** What an outbox mail is: the answer to a mail received, or a decision told to a reporter who wrote by mail. */
export const OUTBOX_KINDS = ['receipt', 'no_subject', 'decision'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export interface MailMessagesTable {
  id: string;
  message_id: string | null;
  /** A keyed hash of the sender's address: mails from one sender are counted, the address is not kept here. */
  sender_key: string;
  format: MailFormatColumn;
  report_type: string | null;
  /** The language the mail was answered in. */
  language: string;
  links: number;
  /** JSON: the ids of the reports it filed. */
  report_ids: string;
  /** JSON: its attachments' names, types, sizes and SHA-256 digests. */
  evidence: string;
  answered: Flag;
  received_at: string;
}

export interface MailOutboxTable {
  id: string;
  to_address: string;
  kind: OutboxKind;
  language: string;
  subject: string;
  body: string;
  in_reply_to: string | null;
  created_at: string;
  sent_at: string | null;
}

/** An abuse mail's attachment, kept as evidence (migration 2026-12-05-96-mail-attachments). */
export interface MailAttachmentsTable {
  id: string;
  mail_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content_base64: string;
  created_at: string;
}

export interface MailTables {
  mail_messages: MailMessagesTable;
  mail_outbox: MailOutboxTable;
  mail_attachments: MailAttachmentsTable;
}
