import { importRegime, systemUser } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";
import { readDataFile } from "../read-data-file.ts";

/** `ntm regimes import FILE`: a dossier regime file stored as the next version of its code. */
export async function regimesImportCommand(file: string) {
  const document = await readDataFile(file);
  await withDatabase(async ({ database }) => {
    const result = await importRegime(database.db, {
      user: systemUser,
      file: document,
      now: new Date(),
    });
    console.log(
      result.created
        ? `Đã nhập quy trình hồ sơ ${result.code} phiên bản ${result.version}. Hồ sơ đã nộp giữ phiên bản cũ; hồ sơ mới theo phiên bản này.`
        : `Quy trình hồ sơ ${result.code} không thay đổi (phiên bản ${result.version}).`,
    );
  });
}
