// Frozen in time: Kysely<any>, no application imports.
// Receipts are now derived from the report id under the server secret, so the receipts kept in clear for
// reports sent with an Idempotency-Key are erased with their column; those reports keep `receipt_hash`,
// so their receipts still open them. Reports now keep a fingerprint of the request (SHA-256 of the body's
// canonical JSON) so a key reused with another body can be refused.
// /protect PIN hashes cannot be rehashed here (the PINs are not known): they keep verifying in their old
// form and are rehashed with scrypt the first time their PIN is used.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('replay_receipt').execute();
  await db.schema.alterTable('reports').addColumn('request_fingerprint', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('request_fingerprint').execute();
  await db.schema.alterTable('reports').addColumn('replay_receipt', 'text').execute();
}
