import type { Db } from "@ntm/db";
import { endOfYear } from "@ntm/domain";
import type { BatchDto } from "@ntm/contracts";
import { recordAudit } from "../../shared/audit.ts";
import type { AuthUser } from "../auth/index.ts";
import { requireUnitAccess } from "../units/index.ts";
import { insertBatch } from "./dossiers.repository.ts";
import { toBatchDto } from "./dossier-views.ts";

/** A recognition batch of a province with its filing deadline, created by the province office. */
export async function createBatch(
  db: Db,
  options: {
    user: AuthUser;
    input: { provinceCode: string; name: string; year: number; deadline: string };
  },
): Promise<BatchDto> {
  const { user, input } = options;
  await requireUnitAccess(db, {
    user,
    code: input.provinceCode,
    asOf: endOfYear(input.year),
    action: "dossier.batch.create",
  });
  return db.transaction(async (tx) => {
    const batch = await insertBatch(tx, input);
    await recordAudit(tx, {
      kind: "dossier_batch.create",
      by: user,
      key: String(batch.id),
      unitCode: input.provinceCode,
      new: input,
    });
    return toBatchDto(batch);
  });
}
