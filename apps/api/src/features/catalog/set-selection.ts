import type { DbOrTx } from "@ntm/db";
import { notFound } from "../../http/app-error.ts";
import { findSetById, findSetsCovering, type StoredSet } from "./catalog.repository.ts";

/**
 * Picks the set in force for a year: a provincial set of the unit's province first (it is the
 * stricter local version), otherwise the national set; the highest version wins.
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
  const chosen = candidates.find((set) => set.provinceCode !== null) ?? candidates[0];
  if (!chosen) {
    throw notFound(
      `Chưa có bộ tiêu chí áp dụng cho năm ${options.year}.`,
      `No criteria set applies to ${options.year}.`,
    );
  }
  return chosen;
}
