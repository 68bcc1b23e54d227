import { importCatalog, systemUser } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";
import { readDataFile } from "../read-data-file.ts";

/** `ntm catalog import FILE`: a criteria set or a provincial override, stored as a new version. */
export async function catalogImportCommand(file: string) {
  const document = await readDataFile(file);
  await withDatabase(async ({ database }) => {
    const result = await importCatalog(database.db, {
      document,
      by: systemUser,
      now: new Date(),
    });
    const set = result.set;
    console.log(
      `Đã nhập bộ tiêu chí ${set.code} phiên bản ${set.version} (số ${set.id}): ${set.criteriaCount} tiêu chí, ${set.indicatorCount} chỉ tiêu, ngưỡng đã đối chiếu ${set.thresholdsConfirmed}, chưa đối chiếu ${set.thresholdsUnverified}. Đánh giá lại ${result.reevaluated} bản đánh giá.`,
    );
  });
}
