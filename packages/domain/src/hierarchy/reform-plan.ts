import type { UnitLevel } from "./admin-unit.ts";
import type { LinkKind, SuccessorLink } from "./lineage.ts";

export type ReformUnitType = "xa" | "phuong" | "dac_khu";

/** A unit created by a reorganisation, and the units it was formed from. */
export interface ReformNewUnit {
  code: string;
  name: string;
  /** The new province; for a province, its own code. */
  provinceCode: string;
  /** null for a province. */
  type: ReformUnitType | null;
  predecessors: { code: string; kind: LinkKind }[];
}

/** A reorganisation as data: the new provinces and communes, each with its predecessors. */
export interface ReformSource {
  /** The first day of the new units; the old ones end the day before. */
  effectiveDate: string;
  lastDayBefore: string;
  provinces: ReformNewUnit[];
  units: ReformNewUnit[];
  /** The old province of each old commune the data names. */
  oldProvinceOf: ReadonlyMap<string, string>;
}

/** A unit version in the database, as the plan reads it. */
export interface ExistingVersion {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  region: string | null;
}

export interface NewVersion {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
  validFrom: string;
  region: string | null;
  regionCandidates: string[] | null;
  /** Only xã are assessed against the NTM criteria. */
  assessed: boolean;
}

export interface ReformReport {
  effectiveDate: string;
  /** The new provinces imported: all 34, or the one of a provincial installation. */
  provinces: string[];
  source: { provinces: number; units: number; xa: number; phuong: number; dacKhu: number };
  create: { provinces: number; units: number; xa: number; phuong: number; dacKhu: number };
  alreadyPresent: number;
  close: { provinces: number; districts: number; communes: number };
  links: { full: number; partial: number; alreadyPresent: number };
  /** Old communes of the data with no new unit: always 0 for consistent data. */
  oldCommunesWithoutSuccessor: string[];
  /** New units of the data without any predecessor: always 0 for consistent data. */
  newUnitsWithoutPredecessor: string[];
  /** Old units the data names but the database does not hold: reported, never invented. */
  missingInDatabase: string[];
  /** New units none of whose predecessors the database holds (created without lineage). */
  newUnitsWithoutPredecessorInDatabase: string[];
  /** Units of the database in force the day before that the data does not know: closed, no successor. */
  closedWithoutSuccessor: string[];
  /** Units of the database starting on the effective date that the data does not know (left as they are). */
  notInData: string[];
  /** New units whose predecessors lie in two regions: the province chooses. */
  regionChoices: { code: string; name: string; candidates: string[] }[];
  /** Nothing to write: the reform is already in the database. */
  unchanged: boolean;
}

export interface ReformPlan {
  create: NewVersion[];
  close: ExistingVersion[];
  links: SuccessorLink[];
  report: ReformReport;
}

const typeCount = (units: readonly ReformNewUnit[]) => ({
  xa: units.filter((u) => u.type === "xa").length,
  phuong: units.filter((u) => u.type === "phuong").length,
  dacKhu: units.filter((u) => u.type === "dac_khu").length,
});

/**
 * The new provinces a reform import covers: all of them, or for a provincial installation the new
 * province named by its new code or by the code of one of the old provinces it took over (Kon Tum
 * 62 → Quảng Ngãi 51). null when the code names no province of the data.
 */
export function reformProvinces(source: ReformSource, code?: string): ReformNewUnit[] | null {
  if (!code) return source.provinces;
  const province =
    source.provinces.find((p) => p.code === code) ??
    source.provinces.find((p) => p.predecessors.some((old) => old.code === code));
  return province ? [province] : null;
}

/** The old province a unit of the database belonged to on the day before, through its parents. */
function provinceOfVersion(version: ExistingVersion, byCode: ReadonlyMap<string, ExistingVersion>) {
  let current: ExistingVersion | undefined = version;
  for (let depth = 0; current && depth < 10; depth += 1) {
    if (current.level === "province") return current.code;
    current = current.parentCode ? byCode.get(current.parentCode) : undefined;
  }
  return null;
}

function regionsOf(regions: readonly (string | null)[]) {
  return [...new Set(regions.filter((r): r is string => r !== null))].sort();
}

/**
 * What importing a reorganisation does to a database: the new versions to create (absent ones
 * only), the old versions to close the day before, the lineage links between versions, and the
 * counts that say it. Running it again on the result plans nothing.
 */
export function planReform(
  source: ReformSource,
  existing: readonly ExistingVersion[],
  existingLinks: readonly SuccessorLink[],
  provinces: readonly ReformNewUnit[],
): ReformPlan {
  const { effectiveDate, lastDayBefore } = source;
  const provinceCodes = new Set(provinces.map((p) => p.code));
  const oldProvinces = new Set(provinces.flatMap((p) => p.predecessors.map((old) => old.code)));
  const units = source.units.filter((u) => provinceCodes.has(u.provinceCode));
  const newUnits = [...provinces, ...units];

  const before = existing.filter(
    (v) => v.validFrom <= lastDayBefore && (v.validTo === null || v.validTo >= lastDayBefore),
  );
  const beforeByCode = new Map(before.map((v) => [v.code, v]));
  const present = new Set(existing.filter((v) => v.validFrom === effectiveDate).map((v) => v.code));
  const oldInScope = before.filter((v) => {
    const province = provinceOfVersion(v, beforeByCode);
    return v.level !== "village" && province !== null && oldProvinces.has(province);
  });
  // A version already closed on the last day and linked is the result of an earlier run.
  const linkKey = (l: SuccessorLink) =>
    `${l.predecessorCode}@${l.predecessorValidFrom}>${l.successorCode}@${l.successorValidFrom}`;
  const knownLinks = new Set(existingLinks.map(linkKey));

  const create: NewVersion[] = [];
  const links: SuccessorLink[] = [];
  const regionChoices: ReformReport["regionChoices"] = [];
  const newUnitsWithoutPredecessorInDatabase: string[] = [];
  const missing = new Set<string>();
  let linksPresent = 0;
  for (const unit of newUnits) {
    const found = unit.predecessors.flatMap((old) => {
      const version = beforeByCode.get(old.code);
      if (!version) missing.add(old.code);
      return version ? [{ version, kind: old.kind }] : [];
    });
    if (found.length === 0) newUnitsWithoutPredecessorInDatabase.push(unit.code);
    const regions = regionsOf(
      found.map(({ version }) => {
        if (version.region !== null) return version.region;
        const province = provinceOfVersion(version, beforeByCode);
        return province ? (beforeByCode.get(province)?.region ?? null) : null;
      }),
    );
    if (regions.length > 1)
      regionChoices.push({ code: unit.code, name: unit.name, candidates: regions });
    if (!present.has(unit.code)) {
      create.push({
        code: unit.code,
        name: unit.name,
        level: unit.type === null ? "province" : "commune",
        parentCode: unit.type === null ? null : unit.provinceCode,
        validFrom: effectiveDate,
        region: regions.length === 1 ? (regions[0] as string) : null,
        regionCandidates: regions.length > 1 ? regions : null,
        assessed: unit.type === "xa",
      });
    }
    for (const { version, kind } of found) {
      const link: SuccessorLink = {
        predecessorCode: version.code,
        predecessorValidFrom: version.validFrom,
        successorCode: unit.code,
        successorValidFrom: effectiveDate,
        kind,
        effectiveDate,
      };
      if (knownLinks.has(linkKey(link))) linksPresent += 1;
      else links.push(link);
    }
  }

  const newCodes = new Set(newUnits.map((u) => u.code));
  const named = new Set(newUnits.flatMap((u) => u.predecessors.map((old) => old.code)));
  const close = oldInScope.filter((v) => v.validTo === null || v.validTo > lastDayBefore);
  const oldCommunes = [...source.oldProvinceOf]
    .filter(([, province]) => oldProvinces.has(province))
    .map(([code]) => code);
  const report: ReformReport = {
    effectiveDate,
    provinces: provinces.map((p) => p.code),
    source: { provinces: provinces.length, units: units.length, ...typeCount(units) },
    create: {
      provinces: create.filter((v) => v.level === "province").length,
      units: create.filter((v) => v.level === "commune").length,
      ...typeCount(units.filter((u) => !present.has(u.code))),
    },
    alreadyPresent: newUnits.filter((u) => present.has(u.code)).length,
    close: {
      provinces: close.filter((v) => v.level === "province").length,
      districts: close.filter((v) => v.level === "district").length,
      communes: close.filter((v) => v.level === "commune").length,
    },
    links: {
      full: links.filter((l) => l.kind === "full").length,
      partial: links.filter((l) => l.kind === "partial").length,
      alreadyPresent: linksPresent,
    },
    oldCommunesWithoutSuccessor: oldCommunes.filter((code) => !named.has(code)).sort(),
    newUnitsWithoutPredecessor: newUnits
      .filter((u) => u.predecessors.length === 0)
      .map((u) => u.code),
    missingInDatabase: [...missing].sort(),
    newUnitsWithoutPredecessorInDatabase,
    closedWithoutSuccessor: oldInScope
      .filter((v) => v.level === "commune" && !named.has(v.code))
      .map((v) => v.code)
      .sort(),
    notInData: existing
      .filter((v) => v.validFrom === effectiveDate && !newCodes.has(v.code))
      .filter((v) => {
        const parent = v.parentCode ? beforeByCode.get(v.parentCode) : undefined;
        const province = parent ? provinceOfVersion(parent, beforeByCode) : null;
        return province !== null && oldProvinces.has(province);
      })
      .map((v) => v.code)
      .sort(),
    regionChoices,
    unchanged: create.length === 0 && close.length === 0 && links.length === 0,
  };
  return { create, close, links, report };
}
