// Frozen in time: Kysely<any>, no application imports.
// Receipts are now derived from the report id under the server secret, so the receipts kept in clear for
// reports sent with an Idempotency-Key are erased with their column; those reports keep `receipt_hash`,
// so their receipts still open them. Reports now keep a fingerprint of the request (SHA-256 of the body's
// canonical JSON) so a key reused with another body can be refused.
// Anonymous reporters' keys were a bare SHA-256 of their address, which gives the address back by brute
// force. The server secret is not known here, so each is replaced by a random pseudonym (the same one
// wherever it occurs: distinct-reporter counts and track records stay as they were); their
// Idempotency-Keys, scoped by the old key, are dropped: no retry could match them any more.
// /protect PIN hashes cannot be rehashed here (the PINs are not known): they keep verifying in their old
// form and are rehashed with scrypt the first time their PIN is used.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('replay_receipt').execute();
  await db.schema.alterTable('reports').addColumn('request_fingerprint', 'text').execute();

  await db.updateTable('reports').set({ idempotency_key: null }).where('reporter_key', 'like', 'anon:%').where('idempotency_key', 'is not', null).execute();
  const fromReports = await db.selectFrom('reports').select('reporter_key').distinct().where('reporter_key', 'like', 'anon:%').execute();
  const fromRecords = await db.selectFrom('reporter_records').select('reporter_key').where('reporter_key', 'like', 'anon:%').execute();
  for (const old of new Set([...fromReports, ...fromRecords].map((r) => r.reporter_key as string))) {
    const pseudonym = `anon:${randomBytes(10).toString('hex')}`;
    await db.updateTable('reports').set({ reporter_key: pseudonym }).where('reporter_key', '=', old).execute();
    await db.updateTable('reporter_records').set({ reporter_key: pseudonym }).where('reporter_key', '=', old).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('request_fingerprint').execute();
  await db.schema.alterTable('reports').addColumn('replay_receipt', 'text').execute();
}
