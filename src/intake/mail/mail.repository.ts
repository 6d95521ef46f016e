// The abuse mailbox's rows: mails received and the outbox. SQL only here.
import type { Db } from '../../db/database.ts';
import type { MailAttachmentsTable, MailMessagesTable, MailOutboxTable } from '../../db/schema-mail.ts';

export class MailRepository {
  #db: Db;
  constructor(db: Db) {
    this.#db = db;
  }

  async insertMessage(row: MailMessagesTable): Promise<void> {
    await this.#db.insertInto('mail_messages').values(row).execute();
  }
  /** Mails from one sender since a time (the flood limit): an indexed range, bounded by the limit itself. */
  async countFromSender(senderKey: string, since: string, atMost: number): Promise<number> {
    const rows = await this.#db
      .selectFrom('mail_messages')
      .select('id')
      .where('sender_key', '=', senderKey)
      .where('received_at', '>=', since)
      .limit(atMost)
      .execute();
    return rows.length;
  }

  async insertAttachment(row: MailAttachmentsTable): Promise<void> {
    await this.#db.insertInto('mail_attachments').values(row).execute();
  }
  findAttachment(id: string): Promise<MailAttachmentsTable | undefined> {
    return this.#db.selectFrom('mail_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertOutbox(row: MailOutboxTable): Promise<void> {
    await this.#db.insertInto('mail_outbox').values(row).execute();
  }
  /** Replies to one address since a time, counted up to `atMost` (no reply storms). */
  async countOutboxTo(address: string, since: string, atMost: number): Promise<number> {
    const rows = await this.#db
      .selectFrom('mail_outbox')
      .select('id')
      .where('to_address', '=', address)
      .where('created_at', '>=', since)
      .limit(atMost)
      .execute();
    return rows.length;
  }
  findOutbox(id: string): Promise<MailOutboxTable | undefined> {
    return this.#db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }
  /** Newest first, keyset by (created_at, id). */
  listOutbox(limit: number, before?: { createdAt: string; id: string }): Promise<MailOutboxTable[]> {
    let q = this.#db.selectFrom('mail_outbox').selectAll();
    if (before)
      q = q.where((eb) => eb.or([eb('created_at', '<', before.createdAt), eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)])]));
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
  async markSent(id: string, at: string): Promise<void> {
    await this.#db.updateTable('mail_outbox').set({ sent_at: at }).where('id', '=', id).where('sent_at', 'is', null).execute();
  }
}
