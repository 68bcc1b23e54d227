import { sql, type SQL } from "drizzle-orm";
import { queryRows, sqlArray, type DbOrTx } from "@ntm/db";
import { catalogGeneration } from "../features/catalog/index.ts";

/**
 * The generation of the answers made of rows of `scopes` (a text array: province keys and "*"),
 * as one expression: the sum of their noted changes (migration 0025, ADR 0029) and the catalog's
 * generation. A statement that reads an answer's data can carry it, so that both come from one
 * snapshot.
 */
export function answerGeneration(scopes: SQL): SQL {
  return sql`((select coalesce(sum(weight), 0) from ntm_answers.changes
      where scope = any(${scopes}))::text || '/' || ${catalogGeneration})`;
}

/** The generation of `scopes` now: one small statement per cached read. */
export async function readAnswerGeneration(db: DbOrTx, scopes: string[]): Promise<string> {
  const rows = await queryRows<{ generation: string }>(
    db,
    sql`select ${answerGeneration(sqlArray(scopes, "text"))} as generation`,
  );
  return rows[0]?.generation ?? "";
}
