import type { CurrentUser, UnitDto } from "@ntm/contracts";
import { apiPath, apiRequest } from "../../lib/api-client.ts";
import { asOfForYear } from "../../lib/year-context.tsx";
import { setVersionOf, setVersionPath } from "../scorecard/index.ts";
import { markSynced } from "./sync-store.ts";

// A district has a few dozen communes; more than this is left to what the user opens.
const maxScorecards = 40;

const unitPath = (code: string) => `/api/units/${encodeURIComponent(code)}`;

/**
 * Reads, while the link is up, what the user needs to work offline: their unit, the catalog in
 * force and the scorecards of their scope for the year (and last year for their own commune),
 * with the set version each scorecard names, read once per version. The service worker keeps
 * each answer; the same URLs as the pages use, so they find them.
 */
export async function refreshOfflineData(user: CurrentUser, year: number): Promise<void> {
  const asOf = asOfForYear(year);
  let reached = false;
  const get = (path: string) =>
    apiRequest<unknown>(path).then(
      (answer) => {
        reached = true;
        return answer;
      },
      () => null,
    );
  const setVersions = new Set<number>();
  const getScorecard = async (code: string, cardYear: number) => {
    const id = setVersionOf(await get(apiPath(`${unitPath(code)}/scorecard`, { year: cardYear })));
    if (id === null || setVersions.has(id)) return;
    setVersions.add(id);
    await get(setVersionPath(id));
  };
  await get(apiPath(unitPath(user.unitCode), { asOf }));
  await get("/api/catalog/sets");
  if (user.unitLevel === "commune" || user.unitLevel === "village") {
    await getScorecard(user.unitCode, year);
    await getScorecard(user.unitCode, year - 1);
    if (reached) markSynced();
    return;
  }
  const list = (await get(apiPath("/api/units", { parent: user.unitCode, asOf }))) as {
    units: UnitDto[];
  } | null;
  const communes = (list?.units ?? []).filter((unit) => unit.assessed).slice(0, maxScorecards);
  for (const commune of communes) await getScorecard(commune.code, year);
  if (reached) markSynced();
}
