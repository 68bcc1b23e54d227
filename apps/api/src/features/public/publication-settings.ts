import type { Db } from "@ntm/db";
import { can, firstPublicationYear, normalisePublication } from "@ntm/domain";
import type { PublicationInput, PublicationResponse } from "@ntm/contracts";
import { invalid, notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { currentYear } from "../../shared/clock.ts";
import { actorOf, type AuthUser } from "../auth/index.ts";
import { findLatestUnit } from "../units/index.ts";
import { findPublication, savePublication } from "./publication.repository.ts";

async function provinceNamed(db: Db, code: string): Promise<string> {
  const unit = await findLatestUnit(db, code);
  if (unit?.level !== "province") {
    throw notFound(`Không có tỉnh mã ${code}.`, `No province ${code}.`);
  }
  return unit.name;
}

const provinceResource = (code: string) => ({ unitCode: code, path: [code] });

/** What a province makes public, year by year, and whether the user may change it. */
export async function getPublication(
  db: Db,
  options: { user: AuthUser; provinceCode: string; now: Date },
): Promise<PublicationResponse> {
  const { user, provinceCode } = options;
  const provinceName = await provinceNamed(db, provinceCode);
  assertCan(user, "unit.read", provinceResource(provinceCode));
  const stored = await findPublication(db, provinceCode);
  const last = currentYear(options.now);
  return {
    provinceCode,
    provinceName,
    entries: stored?.entries.map((entry) => ({ ...entry, kinds: [...entry.kinds] })) ?? [],
    years: Array.from({ length: last - firstPublicationYear + 1 }, (_, i) => last - i),
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored?.updatedAt ?? null,
    can: { edit: can(actorOf(user), "publication.set", { provinceCode }).allowed },
  };
}

/** The province admin's choice replaces the stored one; old and new go to the audit trail. */
export async function setPublication(
  db: Db,
  options: { user: AuthUser; provinceCode: string; input: PublicationInput; now: Date },
): Promise<PublicationResponse> {
  const { user, provinceCode } = options;
  await provinceNamed(db, provinceCode);
  assertCan(user, "publication.set", { provinceCode });
  const checked = normalisePublication(options.input.entries, currentYear(options.now));
  if ("problem" in checked) {
    throw invalid(checked.problem, `The year ${checked.year} cannot be published.`, [
      { path: "entries", message: checked.problem },
    ]);
  }
  await db.transaction(async (tx) => {
    const old = await findPublication(tx, provinceCode);
    await savePublication(tx, provinceCode, {
      entries: checked.entries,
      updatedBy: user.username,
      updatedAt: options.now.toISOString(),
    });
    await recordAudit(tx, {
      kind: "publication.set",
      by: user,
      key: `publication/${provinceCode}`,
      unitCode: provinceCode,
      old: { entries: old?.entries ?? [] },
      new: { entries: checked.entries },
    });
  });
  return getPublication(db, options);
}
