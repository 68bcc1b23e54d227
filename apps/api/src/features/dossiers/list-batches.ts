import type { Db } from "@ntm/db";
import type { BatchDto } from "@ntm/contracts";
import * as clock from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { findPathOn } from "../units/index.ts";
import { findBatches } from "./dossiers.repository.ts";
import { toBatchDto } from "./dossier-views.ts";

/** The recognition batches of the user's province. */
export async function listBatches(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<BatchDto[]> {
  const { user } = options;
  const path = await findPathOn(db, user.unitCode, clock.today(options.now));
  const province = path.find((step) => step.level === "province")?.code ?? user.unitCode;
  return (await findBatches(db, [province])).map(toBatchDto);
}
