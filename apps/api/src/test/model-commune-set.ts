import type { Db } from "@ntm/db";
import type { CriteriaSet } from "@ntm/domain";
import { systemUser } from "../features/auth/auth-user.ts";
import { importCatalog } from "../features/catalog/catalog.service.ts";
import { fixtureSet } from "./fixture-set.ts";
import { fixedNow } from "./test-app.ts";

const basis = { document: "Tài liệu thử nghiệm", date: "2022-03-08" };

/** The fixture set with a model level whose condition KM.1 reads the village registry (QĐ 319). */
export function setWithModelLevel(): CriteriaSet {
  const base = fixtureSet({ version: 2 });
  return {
    ...base,
    levels: [
      ...base.levels,
      {
        code: "model",
        name: "Nông thôn mới kiểu mẫu",
        inherits: "advanced",
        conditions: [
          {
            code: "KM.1",
            name: "Có ít nhất một mô hình thôn thông minh",
            kind: "boolean",
            comparator: "is",
            source: { kind: "villageRegistry", villageSetKind: "smart-village" },
            thresholds: [{ level: "model", value: true, basis, status: "confirmed" }],
          },
        ],
      },
    ],
  };
}

/** Imports the fixture set's next version, with the model level and its smart-village condition. */
export async function importSetWithModelLevel(db: Db) {
  await importCatalog(db, { document: setWithModelLevel(), by: systemUser, now: fixedNow });
}
