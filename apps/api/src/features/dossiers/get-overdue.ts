import type { Db } from "@ntm/db";
import type { DossierSummaryDto } from "@ntm/contracts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { listDossiers } from "./list-dossiers.ts";

/** The open dossiers of the scope whose current step is past its due date. */
export async function getOverdue(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<DossierSummaryDto[]> {
  assertCan(options.user, "dossier.overdue.read");
  const all = await listDossiers(db, { user: options.user, status: "open", now: options.now });
  return all.filter((row) => row.overdue);
}
