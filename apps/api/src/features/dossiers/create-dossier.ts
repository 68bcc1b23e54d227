import type { Db } from "@ntm/db";
import {
  batchRefusal,
  endOfYear,
  openDossier,
  type RequestedLevel,
  type RevocationFlag,
} from "@ntm/domain";
import type { CreateDossierInput, DossierDetailDto } from "@ntm/contracts";
import { AppError, invalid, notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import * as clock from "../../shared/clock.ts";
import { evaluateUnit } from "../assessments/index.ts";
import type { AuthUser } from "../auth/index.ts";
import { findUnitResource } from "../units/index.ts";
import { loadRegimes } from "./dossier-regimes.service.ts";
import {
  findBatch,
  findOpenDossier,
  findOpenRecognition,
  insertDossier,
  insertDossierEvents,
} from "./dossiers.repository.ts";
import { refuseDuplicateRecognition } from "./duplicate-recognition.ts";
import { getDossier } from "./get-dossier.ts";
import { watchUnits } from "./revocation-watch.ts";
import { snapshotOf } from "./snapshot.ts";

/**
 * Files a recognition or revocation dossier under the regime in force: the evaluation is frozen
 * as its snapshot, and a revocation needs the watch's flag. One transaction, audited.
 */
export async function createDossier(
  db: Db,
  options: { user: AuthUser; input: CreateDossierInput; now: Date; demo?: boolean },
): Promise<DossierDetailDto> {
  const { user, input, now } = options;
  const today = clock.today(now);
  const registry = await loadRegimes(db);
  const regime = registry.inForce(input.kind, today);
  if (!regime)
    throw invalid(
      `Chưa cấu hình quy trình cho ngày ${today}.`,
      `No regime configured for ${today}.`,
    );
  // A regime file has at least one step (regimeFileSchema); its role files the dossier.
  const first = regime.steps[0]!;
  const { unit, path, resource } = await findUnitResource(
    db,
    input.unitCode,
    endOfYear(input.year),
  );
  assertCan(user, "dossier.file", { ...resource, step: first });
  if (unit.level !== "commune" && unit.level !== "district") {
    throw invalid(
      "Chỉ xã hoặc huyện mới có hồ sơ xét công nhận.",
      "Only communes and districts file dossiers.",
    );
  }
  if (unit.level === "commune" && !unit.assessed) {
    throw invalid(
      `${unit.name} không tham gia đánh giá nông thôn mới.`,
      `${unit.name} is not assessed.`,
    );
  }
  const batch = await findBatch(db, input.batchId);
  if (!batch)
    throw notFound(`Không tìm thấy đợt ${input.batchId}.`, `Batch ${input.batchId} not found.`);
  if (unit.level === "district" && input.requestedLevel === "model") {
    throw invalid(
      "Huyện chỉ đề nghị mức nông thôn mới hoặc nâng cao.",
      "Districts can ask only for standard or advanced.",
    );
  }
  let flag: RevocationFlag | null = null;
  let requestedLevel = input.requestedLevel;
  if (input.kind === "revocation") {
    const recognised = await findOpenRecognition(db, unit.code);
    if (!recognised)
      throw invalid(
        `${unit.name} chưa được công nhận; không có gì để thu hồi.`,
        `${unit.name} is not recognised.`,
      );
    requestedLevel = recognised.level as RequestedLevel;
    flag = (await watchUnits(db, registry, [unit.code], input.year)).get(unit.code)?.flag ?? null;
    if (!flag) {
      throw new AppError({
        code: "CONFLICT",
        vi: `${unit.name} không thuộc diện xem xét thu hồi năm ${input.year} theo kết quả đánh giá đã lưu.`,
        en: `${unit.name} is not a revocation candidate for ${input.year}.`,
      });
    }
  }
  const refusal = batchRefusal(batch, {
    provinceCode: path.find((step) => step.level === "province")?.code ?? unit.code,
    today,
  });
  if (refusal) throw new AppError({ code: "CONFLICT", vi: refusal.reason, en: refusal.reasonEn });
  const evaluation = await evaluateUnit(db, { unitCode: unit.code, year: input.year });
  const snapshot = snapshotOf(evaluation.result, requestedLevel, now);
  const state = openDossier({
    regime,
    unitLevel: unit.level,
    requestedLevel,
    snapshot,
    revocationFlag: flag,
  });
  const id = await db.transaction(async (tx) => {
    if (await findOpenDossier(tx, unit.code, input.kind)) {
      throw new AppError({
        code: "CONFLICT",
        vi: `${unit.name} đã có hồ sơ đang xử lý.`,
        en: `${unit.name} already has an open dossier.`,
      });
    }
    if (input.kind === "recognition") {
      await refuseDuplicateRecognition(tx, {
        unitCode: unit.code,
        unitName: unit.name,
        unitLevel: state.unitLevel,
        level: requestedLevel,
        year: input.year,
      });
    }
    const row = await insertDossier(tx, {
      kind: input.kind,
      unitCode: unit.code,
      unitLevel: unit.level,
      year: input.year,
      requestedLevel,
      batchId: batch.id,
      regimeCode: regime.code,
      regimeVersion: regime.version,
      status: state.status,
      currentStep: first.code,
      state,
      demo: options.demo ?? false,
      createdAt: now,
      createdBy: user.username,
      updatedAt: now,
    });
    await insertDossierEvents(tx, [
      {
        dossierId: row.id,
        at: now,
        username: user.username,
        role: user.role,
        type: "created",
        step: null,
        round: 1,
        payload: {
          regime: regime.code,
          regimeVersion: regime.version,
          snapshot: { criteriaMet: snapshot.criteriaMet, criteriaTotal: snapshot.criteriaTotal },
        },
      },
    ]);
    await recordAudit(tx, {
      kind: "dossier.create",
      by: user,
      key: String(row.id),
      unitCode: unit.code,
      new: { kind: input.kind, year: input.year, requestedLevel, batchId: batch.id },
    });
    return row.id;
  });
  return getDossier(db, { user, id, now });
}
