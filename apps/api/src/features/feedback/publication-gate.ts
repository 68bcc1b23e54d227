import type { Db } from "@ntm/db";
import { AppError } from "../../http/app-error.ts";
import { assertPublished } from "../public/index.ts";

/**
 * Whether a province publishes its dossiers in public posting for a year, as its publication
 * settings say: nothing is public until the province chooses it.
 */
export async function postingsPublished(db: Db, provinceCode: string, year: number) {
  try {
    await assertPublished(db, provinceCode, year, "postings");
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return false;
    throw error;
  }
}
