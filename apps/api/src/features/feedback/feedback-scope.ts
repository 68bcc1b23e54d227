import type { DbOrTx } from "@ntm/db";
import type { UnitResource } from "@ntm/domain";
import { today } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { scopeCodes } from "../dossiers/index.ts";
import { findUnitResource } from "../units/index.ts";

/** The units of the user's scope today, and each unit as the access policy sees it (cached). */
export async function feedbackScope(db: DbOrTx, user: AuthUser, now: Date) {
  const day = today(now);
  const codes = await scopeCodes(db, user, day);
  const resources = new Map<string, Promise<{ resource: UnitResource; name: string }>>();
  const unitOf = (code: string) => {
    const known = resources.get(code);
    if (known) return known;
    const found = findUnitResource(db, code, day).then(({ unit, resource }) => ({
      resource,
      name: unit.name,
    }));
    resources.set(code, found);
    return found;
  };
  return { codes, unitOf };
}
