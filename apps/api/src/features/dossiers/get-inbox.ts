import type { Db } from "@ntm/db";
import { availableActions, endOfYear } from "@ntm/domain";
import type { InboxItemDto } from "@ntm/contracts";
import * as clock from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { findUnitResource } from "../units/index.ts";
import { loadRegimes } from "./dossier-regimes.service.ts";
import { findDossiers, type DossierRow } from "./dossiers.repository.ts";
import { confirmableCriteria, dossierScope } from "./dossier-access.ts";
import { regimeOf, summariseMany } from "./dossier-views.ts";

/** The open dossiers of the scope waiting for the user: a step of its role, or criteria to confirm. */
export async function getInbox(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<InboxItemDto[]> {
  const { user } = options;
  const scope = await dossierScope(db, user, clock.today(options.now));
  const rows = await findDossiers(db, {
    unitCodes: scope.codes,
    provinceKeys: scope.provinceKeys,
    untilYear: scope.lastYear,
    status: "open",
  });
  const registry = await loadRegimes(db);
  const mine: DossierRow[] = [];
  for (const row of rows) {
    const actions = availableActions(row.state, regimeOf(registry, row), user);
    if (actions.complete) mine.push(row);
    else if (actions.confirm) {
      const { resource } = await findUnitResource(db, row.unitCode, endOfYear(row.year));
      if (confirmableCriteria(user, row, resource).length > 0) mine.push(row);
    }
  }
  const summaries = await summariseMany(db, mine, options.now);
  return summaries.map((summary) => ({
    ...summary,
    why:
      summary.currentStep === "appraisal" && user.role === "department"
        ? "Xác nhận tiêu chí do sở, ngành phụ trách"
        : `Chờ bước: ${summary.currentStepName}`,
  }));
}
