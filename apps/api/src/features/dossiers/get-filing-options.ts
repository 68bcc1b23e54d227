import type { Db } from "@ntm/db";
import { addDays, batchOpen, can } from "@ntm/domain";
import type { FilingOptions } from "@ntm/contracts";
import * as clock from "../../shared/clock.ts";
import { actorOf, type AuthUser } from "../auth/index.ts";
import { findDescendantsOn, requireUnitAccess } from "../units/index.ts";
import { loadRegimes } from "./dossier-regimes.service.ts";
import { findBatches, findRecognisedOn } from "./dossiers.repository.ts";
import { toBatchDto } from "./dossier-views.ts";

/**
 * What the filing form offers: whether the regime in force lets the user's role file (the policy's
 * reason when not), the communes of its scope (recognised ones for a revocation) and the batches
 * whose deadline has not passed — a dossier filed in a closed batch would be overdue at once.
 */
export async function getFilingOptions(
  db: Db,
  options: { user: AuthUser; kind: "recognition" | "revocation"; now: Date },
): Promise<FilingOptions> {
  const { user, kind, now } = options;
  const today = clock.today(now);
  const own = await requireUnitAccess(db, {
    user,
    code: user.unitCode,
    asOf: today,
    action: "unit.read",
  });
  const provinceOf = (found: typeof own) =>
    found.path.find((step) => step.level === "province")?.code ?? found.unit.code;
  // A unit formed by the 2025 reform still files the years before it into the batches of the
  // province it then belonged to (a dossier's unit is read as of its year).
  const former = await requireUnitAccess(db, {
    user,
    code: user.unitCode,
    asOf: addDays(own.unit.validFrom, -1),
    action: "unit.read",
  }).catch(() => null);
  const provinces = [...new Set([provinceOf(own), ...(former ? [provinceOf(former)] : [])])];
  const batches = (await findBatches(db, provinces))
    .filter((batch) => batchOpen(batch, today))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id - b.id)
    .map(toBatchDto);
  const answer = { kind, batches, today, units: [] as FilingOptions["units"] };
  const regime = (await loadRegimes(db)).inForce(kind, today);
  if (!regime) {
    return { ...answer, canFile: false, reason: `Chưa cấu hình quy trình cho ngày ${today}.` };
  }
  // A regime file has at least one step (regimeFileSchema); its role files the dossier.
  const decision = can(actorOf(user), "dossier.file", { ...own.resource, step: regime.steps[0]! });
  if (!decision.allowed) return { ...answer, canFile: false, reason: decision.reason };
  const below =
    own.unit.level === "commune"
      ? [{ ...own.unit, parentName: own.path[1]?.name ?? null }]
      : await findDescendantsOn(db, own.unit.code, today);
  let communes = below.filter((unit) => unit.level === "commune" && unit.assessed);
  if (kind === "revocation") {
    const recognised = await findRecognisedOn(
      db,
      communes.map((unit) => unit.code),
      today,
    );
    const codes = new Set(recognised.map((row) => row.unitCode));
    communes = communes.filter((unit) => codes.has(unit.code));
  }
  return {
    ...answer,
    canFile: true,
    reason: decision.reason,
    units: communes
      .map((unit) => ({ code: unit.code, name: unit.name, parentName: unit.parentName }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
  };
}
