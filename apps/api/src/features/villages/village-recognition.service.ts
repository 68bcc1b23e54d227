import type { Db } from "@ntm/db";
import type { VillageRecognitionActionInput } from "@ntm/contracts";
import { endOfYear, transitionVillageRecognition } from "@ntm/domain";
import { AppError } from "../../http/app-error.ts";
import { today } from "../../shared/clock.ts";
import { recordAudit } from "../../shared/audit.ts";
import type { AuthUser } from "../auth/index.ts";
import { getVillageScorecard } from "./village-assessment.service.ts";
import { requireVillage } from "./village-context.ts";
import { requireVillageSet } from "./village-sets.ts";
import { syncVillageSourcedValues } from "./village-sourced-values.ts";
import {
  findRecognitions,
  findVillageCommunes,
  findVillageResults,
  lockRecognition,
  saveRecognition,
  type StoredRecognition,
} from "./villages.repository.ts";

/**
 * One step of a village's recognition under a set (the village's self-assessment filed by the
 * commune, the commune's decision to recognise or not, a revocation), judged by the domain's
 * regime from the stored results; refused with the regime's reason (409), audited when taken.
 */
export async function actOnVillageRecognition(
  db: Db,
  options: {
    user: AuthUser;
    code: string;
    setCode: string;
    action: VillageRecognitionActionInput;
  },
  now: Date,
) {
  const { user, action } = options;
  const date = today(now);
  // The village is read as it was in the year the recognition is about (its commune then), not
  // today: a village of a commune merged in 2025 is still recognised for 2024.
  const known = (await findRecognitions(db, [options.code])).find(
    (row) => row.setCode === options.setCode,
  );
  const aboutYear =
    action.type === "self_assess" ? action.year : (known?.year ?? Number(date.slice(0, 4)));
  const context = await requireVillage(db, {
    user,
    code: options.code,
    asOf: endOfYear(aboutYear),
    action: "village.recognise",
  });
  const year = await db.transaction(async (tx) => {
    const state = await lockRecognition(tx, context.village.code, options.setCode);
    const actionYear =
      action.type === "self_assess" ? action.year : (state?.year ?? Number(date.slice(0, 4)));
    const set = await requireVillageSet(tx, {
      provinceCode: context.provinceCode,
      setCode: options.setCode,
      year: actionYear,
    });
    const results = await findVillageResults(tx, {
      unitCodes: [context.village.code],
      year: actionYear,
    });
    const outcome = transitionVillageRecognition(state, action, {
      today: date,
      setName: set.name,
      meetsSet: (year) =>
        year === actionYear &&
        results.some((row) => row.setCode === set.code && row.level !== null),
    });
    if (!outcome.ok) {
      throw new AppError({
        code: "CONFLICT",
        vi: outcome.reason,
        en: "This step of the village's recognition is not possible now.",
      });
    }
    const next: StoredRecognition = {
      ...outcome.state,
      unitCode: context.village.code,
      setCode: set.code,
    };
    await saveRecognition(tx, { ...next, updatedBy: user.username, updatedAt: now });
    // The commune's conditions read from the village registry (a model commune's smart village)
    // follow the recognition, in every commune the village has belonged to since its year.
    const fromYear = Math.min(state?.year ?? next.year, next.year);
    for (const communeCode of await findVillageCommunes(tx, context.village.code)) {
      await syncVillageSourcedValues(tx as Db, { communeCode, fromYear, by: user, now });
    }
    await recordAudit(tx, {
      kind: "village.recognition",
      by: user,
      key: `${context.village.code}/${set.code}`,
      unitCode: context.village.code,
      old: state ? { ...state } : null,
      new: { ...outcome.state, action: action.type },
    });
    return outcome.state.year;
  });
  return getVillageScorecard(db, {
    user,
    code: context.village.code,
    setCode: options.setCode,
    year,
  });
}
