// Sends outbox mail through the relay (VIGIL_SMTP_RELAY) with nodemailer, from the job queue: a send that
// fails is retried with the queue's backoff; one already sent is not sent again. Every mail says it was
// written by a machine (Auto-Submitted), so well-behaved auto-responders do not answer it.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/database.ts';
import { nowIso } from '../../shared/time.ts';
import type { MailSendJob } from './mail-intake.service.ts';
import { MailRepository } from './mail.repository.ts';

export class MailSender {
  #db: Db;
  #from: string;
  #transport: Transporter;
  constructor(db: Db, relayUrl: string, from: string) {
    this.#db = db;
    this.#from = from;
    this.#transport = nodemailer.createTransport(relayUrl);
  }

  async send(job: MailSendJob): Promise<void> {
    const repo = new MailRepository(this.#db);
    const mail = await repo.findOutbox(job.id);
    if (!mail || mail.sent_at) return;
    await this.#transport.sendMail({
      from: this.#from,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.body,
      ...(mail.in_reply_to ? { inReplyTo: mail.in_reply_to, references: mail.in_reply_to } : {}),
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'Content-Language': mail.language },
    });
    await repo.markSent(mail.id, nowIso());
  }

  close(): void {
    this.#transport.close();
  }
}
