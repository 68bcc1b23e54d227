import type { Db } from "@ntm/db";
import {
  districtRevocationFlag,
  endOfYear,
  revocationKeyCriteria,
  revocationKeyCriteriaStatus,
} from "@ntm/domain";
import type { WatchResponse, WatchRowDto } from "@ntm/contracts";
import type { AuthUser } from "../auth/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import { findDescendantsOn, requireUnitAccess } from "../units/index.ts";
import { loadRegimes } from "./dossier-regimes.service.ts";
import { findRecognitionHistory } from "./dossiers.repository.ts";
import { revocationRules, watchCarryOver, watchUnits } from "./revocation-watch.ts";

/** The recognised communes of a unit that no longer keep their level, with the rule that flags them. */
export async function getRevocationWatch(
  db: Db,
  options: { user: AuthUser; unit: string; year: number },
): Promise<WatchResponse> {
  const asOf = endOfYear(options.year);
  const { unit, path } = await requireUnitAccess(db, {
    user: options.user,
    code: options.unit,
    asOf,
    action: "dossier.read",
  });
  const communes =
    unit.level === "commune"
      ? [{ code: unit.code, name: unit.name }]
      : (await findDescendantsOn(db, unit.code, asOf)).filter(
          (u) => u.level === "commune" && u.assessed,
        );
  const names = new Map(communes.map((c) => [c.code, c.name]));
  const registry = await loadRegimes(db);
  const provinceCode = path.find((step) => step.level === "province")?.code ?? null;
  const watched = await watchUnits(
    db,
    registry,
    communes.map((c) => c.code),
    options.year,
    await watchCarryOver(db, provinceCode, options.year),
  );
  const rows: WatchRowDto[] = [...watched.entries()]
    .map(([code, item]) => ({
      unitCode: code,
      unitName: names.get(code) ?? code,
      recognisedLevel: item.recognition.level,
      decisionNumber: item.recognition.decisionNumber,
      flag: item.flag,
      criteriaMet: item.criteriaMet,
      criteriaTotal: item.criteriaTotal,
      carryOver: item.carryOver,
    }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, "vi"));
  const set = await selectSetFor(db, { year: options.year, provinceCode }).catch(() => null);
  let district: WatchResponse["district"] = null;
  if (unit.level === "district") {
    const history = await findRecognitionHistory(
      db,
      communes.map((c) => c.code),
    );
    const revoked = new Set(
      history
        .filter((h) => h.endReason === "revoked" && h.endedOn && h.endedOn <= asOf)
        .map((h) => h.unitCode),
    );
    const recognisedNow = new Set(rows.map((r) => r.unitCode));
    district = {
      flag: districtRevocationFlag({
        communesRecognised: [...recognisedNow].filter((code) => !revoked.has(code)).length,
        communesRevoked: revoked.size,
        rules: revocationRules(registry, options.year),
      }),
    };
  }
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year: options.year,
    setCode: set?.code ?? null,
    keyCriteria: set ? (revocationKeyCriteria[set.code] ?? []) : [],
    keyCriteriaNote: set ? (revocationKeyCriteriaStatus[set.code]?.note ?? null) : null,
    communes: rows,
    candidates: rows.filter((row) => row.flag !== null),
    district,
  };
}
