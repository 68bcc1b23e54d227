import type { Db } from "@ntm/db";
import { today as localDate } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { loadAllProducts } from "./ocop-registry.ts";
import { syncOcopIndicators } from "./sync-indicators.ts";

/**
 * Writes the registry's figures into every assessed commune of the province again, in one
 * transaction: for values entered in bulk outside the registry's own changes (a seed, a
 * restored year), so no figure the registry owns stays as typed. Returns the values changed.
 */
export async function resyncOcopRegistry(
  db: Db,
  options: { provinceCode: string; by: AuthUser; now: Date },
) {
  return db.transaction(async (tx) =>
    syncOcopIndicators(tx as Db, {
      provinceCode: options.provinceCode,
      products: await loadAllProducts(tx, localDate(options.now)),
      by: options.by,
      now: options.now,
    }),
  );
}
