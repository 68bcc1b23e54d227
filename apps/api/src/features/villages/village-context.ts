import type { DbOrTx } from "@ntm/db";
import { endOfYear, formatDateVi, type UnitAction, type UnitResource } from "@ntm/domain";
import { invalid, notFound } from "../../http/app-error.ts";
import type { AuthUser } from "../auth/index.ts";
import { findUnitResource, type UnitRow } from "../units/index.ts";
import { assertCan } from "../../shared/access.ts";

/** A village with its commune and province, the access policy's check done. */
export interface VillageContext {
  village: UnitRow;
  commune: { code: string; name: string };
  provinceCode: string;
  communeUnit: UnitRow | null;
  resource: UnitResource;
}

const villageNotFound = (code: string) =>
  notFound(`Không tìm thấy thôn mã ${code}.`, `Village ${code} not found.`);

/** Loads a village as of a date and checks the action on it (403 with the policy's reason). */
export async function requireVillage(
  db: DbOrTx,
  options: { user: AuthUser; code: string; asOf: string; action: UnitAction },
): Promise<VillageContext> {
  const found = await findUnitResource(db, options.code, options.asOf).catch(() => null);
  if (!found || found.unit.level !== "village") throw villageNotFound(options.code);
  assertCan(options.user, options.action, found.resource);
  const commune = found.path.find((step) => step.level === "commune");
  const provinceCode = found.path.find((step) => step.level === "province")?.code;
  if (!commune || !provinceCode) throw villageNotFound(options.code);
  const communeFound = await findUnitResource(db, commune.code, found.asOf).catch(() => null);
  return {
    village: found.unit,
    commune: { code: commune.code, name: commune.name },
    provinceCode,
    communeUnit: communeFound?.unit ?? null,
    resource: found.resource,
  };
}

/** A village is assessed only for the years it exists in. */
export function assertVillageInYear(village: UnitRow, year: number) {
  const exists =
    village.validFrom <= endOfYear(year) &&
    (village.validTo === null || village.validTo >= `${year}-01-01`);
  if (!exists) {
    throw invalid(
      `${village.name} không tồn tại trong năm ${year} (hiệu lực từ ${formatDateVi(village.validFrom)}${village.validTo ? ` đến ${formatDateVi(village.validTo)}` : ""}).`,
      `${village.name} does not exist in ${year}.`,
    );
  }
}

/** A commune (not a district or province) in force on a date, the action checked. */
export async function requireCommune(
  db: DbOrTx,
  options: { user: AuthUser; code: string; asOf: string; action: UnitAction },
) {
  const found = await findUnitResource(db, options.code, options.asOf);
  assertCan(options.user, options.action, found.resource);
  if (found.unit.level !== "commune") {
    throw invalid(
      `${found.unit.name} không phải đơn vị cấp xã; thôn thuộc xã, phường hoặc đặc khu.`,
      `${found.unit.name} is not a commune-level unit.`,
    );
  }
  const provinceCode = found.path.find((step) => step.level === "province")?.code ?? null;
  return { ...found, provinceCode };
}
