import type { DbOrTx } from "@ntm/db";
import { selectSetInForce } from "@ntm/domain";
import { notFound } from "../../http/app-error.ts";
import { findSetById, findSetsCovering, type StoredSet } from "./catalog.repository.ts";

/** The fields of a stored version that decide whether it is in force. */
export function headerOf(stored: StoredSet) {
  return {
    code: stored.code,
    version: stored.version,
    provinceCode: stored.provinceCode,
    fromYear: stored.fromYear,
    toYear: stored.toYear,
    effectiveFrom: stored.definition.effectiveFrom,
    basis: stored.definition.basis,
    stored,
  };
}

/**
 * Picks the set in force for a year (the domain's `selectSetInForce`): a provincial set of the
 * unit's province first, otherwise the national set; among versions, the one whose start date
 * (an amendment's, a province's new decision's) is the latest on 31 December of the year.
 */
export async function selectSetFor(
  db: DbOrTx,
  options: {
    year: number;
    provinceCode: string | null;
    unitLevel?: string;
    setId?: number | undefined;
  },
): Promise<StoredSet> {
  if (options.setId !== undefined) {
    const set = await findSetById(db, options.setId);
    if (!set) {
      throw notFound(
        `Không có bộ tiêu chí số ${options.setId}.`,
        `No criteria set ${options.setId}.`,
      );
    }
    return set;
  }
  const candidates = await findSetsCovering(db, {
    year: options.year,
    unitLevel: options.unitLevel ?? "commune",
    provinceCode: options.provinceCode,
  });
  const chosen = selectSetInForce(candidates.map(headerOf), options);
  if (!chosen) {
    throw notFound(
      `Chưa có bộ tiêu chí áp dụng cho năm ${options.year}.`,
      `No criteria set applies to ${options.year}.`,
    );
  }
  return chosen.set.stored;
}
