import type { Db } from "@ntm/db";
import {
  planReform,
  planVillageMoves,
  reformProvinces,
  type ReformReport,
  type ReformSource,
  type VillageToPlace,
} from "@ntm/domain";
import { invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { analyzeIfLarge } from "../../shared/planner-statistics.repository.ts";
import { recordAudit } from "../../shared/audit.ts";
import type { AuthUser } from "../auth/index.ts";
import { moveVillagesForReform } from "../villages/index.ts";
import { rekeyProvincesSince } from "./province-keys.repository.ts";
import { readReformSource } from "./reform-data.ts";
import {
  closeVersions,
  findAllVersions,
  findLinksEffectiveOn,
  insertLinks,
  insertVersions,
  lockForReform,
} from "./reform-import.repository.ts";

export type ReformImportResult = ReformReport & {
  dryRun: boolean;
  /** Villages moved to the commune that took over theirs, and those the province places. */
  villages: { moved: number; toPlace: VillageToPlace[] };
};

let shipped: Promise<ReformSource> | undefined;
/** The shipped reform files, read and checked once per process. */
const shippedSource = () => (shipped ??= readReformSource());

/**
 * Imports the reform of 1 July 2025 on a database holding the tree before it: creates the new
 * provinces and communes, closes the old provinces, districts and communes the day before, and
 * links every old unit version to the new ones with the kind of the link. One transaction; a dry
 * run (the default of the API) writes nothing; a second run finds nothing to do and says so.
 * `province` limits it to one new province (or the new province of an old one: 62 → 51).
 */
export async function importReform(
  db: Db,
  options: {
    user: AuthUser;
    dryRun: boolean;
    province?: string | undefined;
    source?: ReformSource;
  },
): Promise<ReformImportResult> {
  assertCan(options.user, "reform.import");
  const source = options.source ?? (await shippedSource());
  const provinces = reformProvinces(source, options.province);
  if (!provinces) {
    throw invalid(
      `Không có tỉnh mã ${options.province} trong dữ liệu sắp xếp đơn vị hành chính 2025 (mã tỉnh mới hoặc mã tỉnh cũ).`,
      `No province ${options.province} in the 2025 reform data (a new or an old province code).`,
    );
  }
  let written = 0;
  const result = await db.transaction(async (tx) => {
    await lockForReform(tx);
    const existing = await findAllVersions(tx);
    const links = await findLinksEffectiveOn(tx, source.effectiveDate);
    const plan = planReform(
      source,
      existing.filter((version) => version.level !== "village"),
      links,
      provinces,
    );
    const codes = new Set(provinces.map((province) => province.code));
    const villages = planVillageMoves(
      source,
      existing,
      source.units.filter((unit) => codes.has(unit.provinceCode)),
    );
    const unchanged = plan.report.unchanged && villages.moves.length === 0;
    if (!options.dryRun && !unchanged) {
      written = plan.create.length + plan.close.length + plan.links.length + villages.moves.length;
      await insertVersions(tx, plan.create);
      await closeVersions(
        tx,
        plan.close.map((version) => version.id),
        source.lastDayBefore,
      );
      await insertLinks(tx, plan.links);
      await moveVillagesForReform(tx, source, villages.moves);
      // Rows written under the old tree for dates from the reform on take their new province.
      await rekeyProvincesSince(tx, source.effectiveDate);
      await recordAudit(tx, {
        kind: "units.reform.import",
        by: options.user,
        key: `reform-${source.effectiveDate}`,
        unitCode: provinces.length === 1 ? (provinces[0]?.code ?? null) : null,
        new: {
          effectiveDate: source.effectiveDate,
          provinces: plan.report.provinces,
          created: plan.report.create,
          closed: plan.report.close,
          links: { full: plan.report.links.full, partial: plan.report.links.partial },
          missingInDatabase: plan.report.missingInDatabase.length,
          closedWithoutSuccessor: plan.report.closedWithoutSuccessor.length,
          regionChoices: plan.report.regionChoices.length,
          villagesMoved: villages.moves.length,
          villagesToPlace: villages.toPlace.length,
        },
      });
    }
    return {
      ...plan.report,
      unchanged,
      villages: { moved: villages.moves.length, toPlace: villages.toPlace },
      dryRun: options.dryRun,
    };
  });
  await analyzeIfLarge(db, written, ["admin_units", "unit_successors"], { embeddedOnly: true });
  return result;
}
