import type { Db } from "@ntm/db";
import type { CriteriaSet } from "@ntm/domain";
import { systemUser } from "../features/auth/auth-user.ts";
import { importCatalog } from "../features/catalog/catalog.service.ts";
import { fixtureSet } from "./fixture-set.ts";
import { fixedNow } from "./test-app.ts";

/** The fixture set with an indicator read from the OCOP registry (criterion 13). */
export function setWithOcop(): CriteriaSet {
  const base = fixtureSet({ version: 2 });
  const basis = { document: "Tài liệu thử nghiệm", date: "2022-03-08" };
  return {
    ...base,
    criteria: [
      ...base.criteria,
      {
        code: "13",
        name: "Tổ chức sản xuất",
        indicators: [
          {
            code: "13.6",
            name: "Số sản phẩm OCOP đạt 3 sao trở lên còn hiệu lực",
            kind: "number",
            unit: "sản phẩm",
            comparator: ">=",
            integer: true,
            min: 0,
            source: { kind: "ocopRegistry", minStars: 3 },
            thresholds: [{ level: "standard", value: 1, basis, status: "unverified" }],
          },
        ],
      },
    ],
  };
}

/** Imports the fixture set's next version, which reads indicator 13.6 from the OCOP registry. */
export async function importSetWithOcop(db: Db) {
  await importCatalog(db, { document: setWithOcop(), by: systemUser, now: fixedNow });
}
