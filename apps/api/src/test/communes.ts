import type { Db } from "@ntm/db";
import { systemUser } from "../features/auth/auth-user.ts";
import { importUnits } from "../features/units/units.service.ts";

/** More communes in district D01 (province P01), each named after its code: tests at size. */
export async function importCommunes(db: Db, codes: readonly string[]) {
  await importUnits(db, {
    user: systemUser,
    rows: codes.map((code) => ({
      code,
      name: `Xã ${code}`,
      level: "commune" as const,
      parentCode: "D01",
      validFrom: "2008-01-01",
      region: "TN",
      flags: [],
    })),
  });
}
