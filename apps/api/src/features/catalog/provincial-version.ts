import type { Db } from "@ntm/db";
import { buildProvincialOverride, formatDateVi, startOf } from "@ntm/domain";
import type { CatalogOverrideInput } from "@ntm/contracts";
import { invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { findLatestUnit } from "../units/index.ts";
import { findMaxVersion } from "./catalog.repository.ts";
import { importCatalog } from "./catalog.service.ts";
import { headerOf, selectSetFor } from "./set-selection.ts";

/**
 * A province enters thresholds from its own decision: a new version of its set, built on the set
 * in force in the province on the decision's start date, stored and audited like any imported set.
 * Earlier versions stay in force for the years before that date.
 */
export async function createProvincialVersion(
  db: Db,
  options: { user: AuthUser; input: CatalogOverrideInput; now: Date },
) {
  const { user, input } = options;
  const { provinceCode } = input;
  assertCan(user, "catalog.import", { provinceCode });
  const year = Number(input.effectiveFrom.slice(0, 4));
  const base = await selectSetFor(db, { year, provinceCode });
  const baseStart = startOf(headerOf(base));
  if (input.effectiveFrom < baseStart) {
    throw invalid(
      `Ngày áp dụng phải từ ngày bộ tiêu chí gốc có hiệu lực (${formatDateVi(baseStart)}).`,
      `The start date must be on or after the base set's start (${baseStart}).`,
    );
  }
  const own = base.provinceCode === provinceCode;
  const code = own ? base.code : `${base.code}-p${provinceCode.toLowerCase()}`;
  const province = await findLatestUnit(db, provinceCode);
  const name =
    input.name ??
    (own ? base.name : `${base.name} – áp dụng tại ${province?.name ?? `tỉnh ${provinceCode}`}`);
  const built = buildProvincialOverride(base.definition, {
    code,
    version: (await findMaxVersion(db, code)) + 1,
    name,
    provinceCode,
    basis: input.basis,
    effectiveFrom: input.effectiveFrom,
    entries: input.entries,
  });
  if (!built.ok) {
    throw invalid(
      "Ngưỡng tỉnh nhập không hợp lệ.",
      "The thresholds entered are invalid.",
      built.problems,
    );
  }
  return importCatalog(db, {
    document: { kind: "provincial-override", ...built.override },
    by: user,
    now: options.now,
  });
}
