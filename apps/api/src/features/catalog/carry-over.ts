import type { Db } from "@ntm/db";
import {
  can,
  checkCarryOver,
  defaultCarryOver,
  describeCarryOver,
  startOf,
  type RecognitionCarryOver,
} from "@ntm/domain";
import type { CarryOverInput, CarryOverResponse } from "@ntm/contracts";
import { invalid, notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today } from "../../shared/clock.ts";
import { actorOf, type AuthUser } from "../auth/index.ts";
import { findLatestUnit, findPathOn } from "../units/index.ts";
import { findCarryOver, saveCarryOver } from "./catalog.repository.ts";
import { headerOf, selectSetFor } from "./set-selection.ts";

/** The first year of the period whose set replaces the 2021–2025 recognitions. */
const newPeriodYear = 2026;

/** When the national set of the new period is in force (15/02/2026 for QĐ 51/2025). */
async function newSetFrom(db: Db): Promise<string> {
  const set = await selectSetFor(db, { year: newPeriodYear, provinceCode: null }).catch(() => null);
  return set ? startOf(headerOf(set)) : `${newPeriodYear}-01-01`;
}

async function provinceOf(db: Db, user: AuthUser, now: Date, asked?: string): Promise<string> {
  if (asked) {
    const unit = await findLatestUnit(db, asked);
    if (unit?.level !== "province") {
      throw notFound(`Không có tỉnh mã ${asked}.`, `No province ${asked}.`);
    }
    return asked;
  }
  const path = await findPathOn(db, user.unitCode, today(now));
  const province = path.find((step) => step.level === "province")?.code;
  if (!province) {
    throw notFound(
      "Tài khoản không thuộc tỉnh nào; hãy chọn tỉnh.",
      "The account belongs to no province; choose one.",
    );
  }
  return province;
}

function toRule(input: CarryOverInput): RecognitionCarryOver {
  return {
    mode: input.mode,
    ...(input.deadline ? { deadline: input.deadline } : {}),
    basis: input.basis
      ? { document: input.basis.document, ...(input.basis.date ? { date: input.basis.date } : {}) }
      : null,
    ...(input.note ? { note: input.note } : {}),
  };
}

/** How the province carries 2021–2025 recognitions into the 2026–2030 set, in words. */
export async function getCarryOver(
  db: Db,
  options: { user: AuthUser; provinceCode?: string | undefined; now: Date },
): Promise<CarryOverResponse> {
  assertCan(options.user, "catalog.read");
  const provinceCode = await provinceOf(db, options.user, options.now, options.provinceCode);
  const stored = await findCarryOver(db, provinceCode);
  const rule = stored?.rule ?? defaultCarryOver;
  return {
    provinceCode,
    rule,
    text: describeCarryOver(rule),
    newSetFrom: await newSetFrom(db),
    isDefault: !stored,
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored?.updatedAt ?? null,
    can: {
      edit: can(actorOf(options.user), "catalog.carryover.set", { provinceCode }).allowed,
    },
  };
}

/** The province changes its rule; the old and new rules go to the audit trail. */
export async function setCarryOver(
  db: Db,
  options: { user: AuthUser; provinceCode: string; input: CarryOverInput; now: Date },
): Promise<CarryOverResponse> {
  const { user, provinceCode } = options;
  assertCan(user, "catalog.carryover.set", { provinceCode });
  const rule = toRule(options.input);
  const problem = checkCarryOver(rule, await newSetFrom(db));
  if (problem)
    throw invalid(problem, "Invalid carry-over rule.", [{ path: "deadline", message: problem }]);
  await db.transaction(async (tx) => {
    const old = await findCarryOver(tx, provinceCode);
    await saveCarryOver(tx, provinceCode, {
      rule,
      updatedBy: user.username,
      updatedAt: options.now.toISOString(),
    });
    await recordAudit(tx, {
      kind: "catalog.carryover.set",
      by: user,
      key: `recognition-carry-over/${provinceCode}`,
      unitCode: provinceCode,
      old: old?.rule ?? { ...defaultCarryOver, isDefault: true },
      new: rule,
    });
  });
  return getCarryOver(db, { user, provinceCode, now: options.now });
}

/** The province's rule (or the default) and the day the new period's set came into force. */
export async function carryOverOf(
  db: Db,
  provinceCode: string,
): Promise<{ rule: RecognitionCarryOver; newSetFrom: string }> {
  const stored = await findCarryOver(db, provinceCode);
  return { rule: stored?.rule ?? defaultCarryOver, newSetFrom: await newSetFrom(db) };
}
