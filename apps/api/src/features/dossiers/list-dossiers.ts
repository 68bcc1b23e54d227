import type { Db } from "@ntm/db";
import type { DossierSummaryDto } from "@ntm/contracts";
import * as clock from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { findDescendantsOn, requireUnitAccess } from "../units/index.ts";
import { findDossiers } from "./dossiers.repository.ts";
import { dossierScope } from "./dossier-access.ts";
import { summariseMany } from "./dossier-views.ts";

/** The dossiers of the user's scope, or of one unit of it and the units below. */
export async function listDossiers(
  db: Db,
  options: {
    user: AuthUser;
    unit?: string | undefined;
    batch?: number | undefined;
    status?: "open" | "decided" | undefined;
    now: Date;
  },
): Promise<DossierSummaryDto[]> {
  const { user } = options;
  const asOf = clock.today(options.now);
  const scope = await dossierScope(db, user, asOf);
  let codes = scope.codes;
  if (options.unit) {
    await requireUnitAccess(db, { user, code: options.unit, asOf, action: "dossier.read" });
    codes = [options.unit, ...(await findDescendantsOn(db, options.unit, asOf)).map((u) => u.code)];
  }
  const rows = await findDossiers(db, {
    unitCodes: codes,
    provinceKeys: scope.provinceKeys,
    untilYear: scope.lastYear,
    batchId: options.batch,
    status: options.status,
  });
  return summariseMany(db, rows, options.now);
}
