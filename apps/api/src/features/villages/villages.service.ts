import type { Db, DbOrTx } from "@ntm/db";
import type {
  VillageCreateInput,
  VillageEditInput,
  VillageListResponse,
  VillageMergeInput,
} from "@ntm/contracts";
import {
  addDays,
  endOfYear,
  formatDateVi,
  villageKindOf,
  villageKinds,
  villageRecognitionStatusNames,
} from "@ntm/domain";
import { AppError, invalid } from "../../http/app-error.ts";
import { allows } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import type { AuthUser } from "../auth/index.ts";
import { lockUnit } from "../units/index.ts";
import { requireCommune, requireVillage } from "./village-context.ts";
import { summariseVillageSet, villageSetsInForce } from "./village-sets.ts";
import {
  closeVillageVersion,
  findFormedFrom,
  findRecognitions,
  findVillageCodes,
  findVillageResults,
  findVillagesOn,
  findVillageVersions,
  insertVillageLink,
  insertVillageVersion,
  insertVillageVersions,
  renameVillageVersion,
  type VillageRow,
} from "./villages.repository.ts";

/** The commune's villages in force at the end of a year, with their results and recognitions. */
export async function listVillages(
  db: Db,
  options: { user: AuthUser; code: string; year: number },
): Promise<VillageListResponse> {
  const asOf = endOfYear(options.year);
  const { unit, resource, provinceCode } = await requireCommune(db, {
    user: options.user,
    code: options.code,
    asOf,
    action: "unit.read",
  });
  const villages = await findVillagesOn(db, [unit.code], asOf);
  const codes = villages.map((village) => village.code);
  const sets = provinceCode ? await villageSetsInForce(db, provinceCode, options.year) : [];
  const [results, recognitions, formedFrom] = [
    await findVillageResults(db, { unitCodes: codes, year: options.year }),
    await findRecognitions(db, codes),
    await findFormedFrom(db, codes),
  ];
  const setCodes = new Set(sets.map((set) => set.code));
  return {
    commune: { code: unit.code, name: unit.name },
    year: options.year,
    canManage: allows(options.user, "village.manage", resource),
    canEnter: allows(options.user, "village.values.write", resource),
    canRecognise: allows(options.user, "village.recognise", resource),
    sets: sets.map((set) => summariseVillageSet(set, unit)),
    villages: villages.map((village) => ({
      code: village.code,
      name: village.name,
      validFrom: village.validFrom,
      validTo: village.validTo,
      results: results
        .filter((row) => row.unitCode === village.code && setCodes.has(row.setCode))
        .map((row) => ({
          setCode: row.setCode,
          criteriaMet: row.criteriaMet,
          criteriaTotal: row.criteriaTotal,
          meets: row.level !== null,
        })),
      recognitions: recognitions
        .filter((row) => row.unitCode === village.code)
        .map((row) => ({
          setCode: row.setCode,
          status: row.status,
          statusName: villageRecognitionStatusNames[row.status],
          year: row.year,
          reportNumber: row.reportNumber,
          reportDate: row.reportDate,
          decisionNumber: row.decisionNumber,
          decisionDate: row.decisionDate,
          reason: row.reason,
        })),
      formedFrom: formedFrom
        .filter((row) => row.successorCode === village.code)
        .map((row) => ({ code: row.code, name: row.name })),
    })),
  };
}

function checkName(name: string) {
  if (!villageKindOf(name)) {
    throw invalid(
      `Tên thôn phải bắt đầu bằng loại thôn: ${villageKinds.join(", ")} (ví dụ: Thôn Tân An).`,
      `A village name starts with its kind: ${villageKinds.join(", ")}.`,
    );
  }
}

async function assertNameFree(
  db: DbOrTx,
  communeCode: string,
  name: string,
  on: string,
  adding: readonly VillageRow[] = [],
) {
  const taken = [...(await findVillagesOn(db, [communeCode], on)), ...adding].find(
    (village) => village.name.localeCompare(name, "vi", { sensitivity: "accent" }) === 0,
  );
  if (taken) {
    throw new AppError({
      code: "CONFLICT",
      vi: `Xã đã có ${taken.name} vào ngày ${formatDateVi(on)}.`,
      en: `The commune already has ${taken.name} on ${on}.`,
    });
  }
}

/** The next free code under a commune: its code, a dash and a two-digit number. */
async function nextVillageCode(db: DbOrTx, communeCode: string) {
  const used = await findVillageCodes(db, communeCode);
  const numbers = used.map((code) => Number(code.slice(communeCode.length + 1)) || 0);
  return `${communeCode}-${String(Math.max(0, ...numbers) + 1).padStart(2, "0")}`;
}

const snapshot = (village: VillageRow) => ({
  name: village.name,
  communeCode: village.parentCode,
  validFrom: village.validFrom,
  validTo: village.validTo,
});

export async function createVillage(
  db: Db,
  options: { user: AuthUser; communeCode: string; input: VillageCreateInput },
) {
  const { input } = options;
  const [village] = await createVillages(db, { ...options, names: [input.name], input });
  return village as VillageRow & { communeCode: string };
}

/**
 * New villages of one commune, all from one date on one basis, in one transaction: each checked
 * and audited as `createVillage` does one, their rows written in one statement (the demo's).
 */
export async function createVillages(
  db: Db,
  options: {
    user: AuthUser;
    communeCode: string;
    names: readonly string[];
    input: Omit<VillageCreateInput, "name">;
  },
) {
  const { input, user } = options;
  for (const name of options.names) checkName(name);
  const { unit } = await requireCommune(db, {
    user,
    code: options.communeCode,
    asOf: input.validFrom,
    action: "village.manage",
  });
  if (unit.validFrom > input.validFrom || (unit.validTo && unit.validTo < input.validFrom)) {
    throw invalid(
      `${unit.name} không có hiệu lực vào ngày ${formatDateVi(input.validFrom)}.`,
      `${unit.name} is not in force on ${input.validFrom}.`,
    );
  }
  return db.transaction(async (tx) => {
    await lockUnit(tx, unit.code);
    const villages: VillageRow[] = [];
    const first = Number((await nextVillageCode(tx, unit.code)).slice(unit.code.length + 1));
    for (const [index, name] of options.names.entries()) {
      await assertNameFree(tx, unit.code, name, input.validFrom, villages);
      villages.push({
        code: `${unit.code}-${String(first + index).padStart(2, "0")}`,
        name,
        parentCode: unit.code,
        validFrom: input.validFrom,
        validTo: null,
      });
    }
    await insertVillageVersions(tx, villages);
    await recordAudit(
      tx,
      villages.map((village) => ({
        kind: "village.change" as const,
        by: user,
        key: village.code,
        unitCode: unit.code,
        old: null,
        new: { change: "create", ...snapshot(village), basis: input.basis },
      })),
    );
    return villages.map((village) => ({ ...village, communeCode: unit.code }));
  });
}

export async function editVillage(
  db: Db,
  options: { user: AuthUser; code: string; input: VillageEditInput },
) {
  const { input, user } = options;
  if (input.name !== undefined) checkName(input.name);
  const { village } = await requireVillage(db, {
    user,
    code: options.code,
    asOf: input.effectiveFrom,
    action: "village.manage",
  });
  return db.transaction(async (tx) => {
    await lockUnit(tx, village.parentCode ?? village.code);
    const versions = await findVillageVersions(tx, village.code);
    const current = versions.find(
      (version) =>
        version.validFrom <= input.effectiveFrom &&
        (version.validTo === null || version.validTo >= input.effectiveFrom),
    );
    if (!current) {
      throw invalid(
        `Thôn không có hiệu lực vào ngày ${formatDateVi(input.effectiveFrom)}.`,
        `The village is not in force on ${input.effectiveFrom}.`,
      );
    }
    const dayBefore = addDays(input.effectiveFrom, -1);
    let after: VillageRow;
    if (input.dissolve) {
      if (dayBefore < current.validFrom) {
        throw invalid(
          "Ngày giải thể phải sau ngày thôn bắt đầu có hiệu lực.",
          "A village is dissolved after the day it starts.",
        );
      }
      await closeVillageVersion(tx, current, dayBefore);
      after = { ...current, validTo: dayBefore };
    } else {
      const name = input.name as string;
      await assertNameFree(tx, current.parentCode, name, input.effectiveFrom);
      after = { ...current, name, validFrom: input.effectiveFrom };
      if (current.validFrom === input.effectiveFrom) {
        await renameVillageVersion(tx, current, name);
      } else {
        await closeVillageVersion(tx, current, dayBefore);
        await insertVillageVersion(tx, after);
      }
    }
    await recordAudit(tx, {
      kind: "village.change",
      by: user,
      key: village.code,
      unitCode: current.parentCode,
      old: snapshot(current),
      new: {
        change: input.dissolve ? "dissolve" : "rename",
        ...snapshot(after),
        effectiveFrom: input.effectiveFrom,
        basis: input.basis,
      },
    });
    return { ...after, communeCode: after.parentCode };
  });
}

/**
 * Villages of a commune merged into a new village from a date: each ends the day before, and a
 * full lineage link leads from each to the new one (its results stay its own, never summed).
 */
export async function mergeVillages(
  db: Db,
  options: { user: AuthUser; communeCode: string; input: VillageMergeInput },
) {
  const { input, user } = options;
  checkName(input.name);
  const dayBefore = addDays(input.effectiveFrom, -1);
  const { unit } = await requireCommune(db, {
    user,
    code: options.communeCode,
    asOf: input.effectiveFrom,
    action: "village.manage",
  });
  return db.transaction(async (tx) => {
    await lockUnit(tx, unit.code);
    const inForce = await findVillagesOn(tx, [unit.code], dayBefore);
    const merged = [...new Set(input.from)].map((code) => {
      const version = inForce.find((village) => village.code === code);
      if (!version || version.validTo !== null) {
        throw invalid(
          `Thôn mã ${code} không thuộc ${unit.name} hoặc không còn hiệu lực đến ngày ${formatDateVi(dayBefore)}.`,
          `Village ${code} is not a village of ${unit.name} in force until ${dayBefore}.`,
        );
      }
      return version;
    });
    if (merged.length < 2) {
      throw invalid("Chọn ít nhất hai thôn khác nhau để sáp nhập.", "Choose two villages.");
    }
    for (const version of merged) await closeVillageVersion(tx, version, dayBefore);
    await assertNameFree(tx, unit.code, input.name, input.effectiveFrom);
    const village: VillageRow = {
      code: await nextVillageCode(tx, unit.code),
      name: input.name,
      parentCode: unit.code,
      validFrom: input.effectiveFrom,
      validTo: null,
    };
    await insertVillageVersion(tx, village);
    for (const version of merged) {
      await insertVillageLink(tx, {
        predecessorCode: version.code,
        predecessorValidFrom: version.validFrom,
        successorCode: village.code,
        successorValidFrom: village.validFrom,
        effectiveDate: input.effectiveFrom,
      });
    }
    await recordAudit(tx, {
      kind: "village.change",
      by: user,
      key: village.code,
      unitCode: unit.code,
      old: null,
      new: {
        change: "merge",
        ...snapshot(village),
        from: merged.map((version) => ({ code: version.code, name: version.name })),
        basis: input.basis,
      },
    });
    return { ...village, communeCode: unit.code };
  });
}
