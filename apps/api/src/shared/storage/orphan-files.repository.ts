import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@ntm/db";

/**
 * Which of these stored keys a row names: an evidence file (a commune's or a village's), a
 * dossier scan, or a background job's upload or produced file (`input.fileKey`, `result.fileKey`).
 */
export async function findNamedKeys(db: DbOrTx, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const list = sql.join(
    keys.map((key) => sql`${key}`),
    sql`, `,
  );
  const rows = await queryRows<{ key: string }>(
    db,
    sql`select storage_key as key from evidence_files where storage_key in (${list})
      union select storage_key from village_evidence where storage_key in (${list})
      union select storage_key from dossier_documents where storage_key in (${list})
      union select input->>'fileKey' from background_jobs where input->>'fileKey' in (${list})
      union select result->>'fileKey' from background_jobs where result->>'fileKey' in (${list})`,
  );
  return new Set(rows.map((row) => row.key));
}
