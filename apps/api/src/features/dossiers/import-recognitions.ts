import type { Db } from "@ntm/db";
import type { RequestedLevel } from "@ntm/domain";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import type { AuthUser } from "../auth/index.ts";
import { insertRecognition } from "./dossiers.repository.ts";

/** Records recognition decisions issued before the system was used (one transaction, audited). */
export async function importRecognitions(
  db: Db,
  options: {
    by: AuthUser;
    demo: boolean;
    rows: {
      unitCode: string;
      level: RequestedLevel;
      year: number;
      decisionNumber: string;
      decisionDate: string;
    }[];
  },
) {
  assertCan(options.by, "recognition.import");
  await db.transaction(async (tx) => {
    for (const row of options.rows) {
      await insertRecognition(tx, { ...row, demo: options.demo });
    }
    await recordAudit(tx, {
      kind: "recognition.import",
      by: options.by,
      key: "import",
      unitCode: null,
      new: { rows: options.rows.length },
    });
  });
}
