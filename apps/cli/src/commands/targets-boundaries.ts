import { basename } from "node:path";
import { readFile } from "node:fs/promises";
import { importBoundaries, systemUser } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";

/** `ntm boundaries import FILE`: unit shapes from a GeoJSON FeatureCollection. */
export async function boundariesImportCommand(
  file: string,
  options: { property: string; schematic: boolean },
) {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch (error) {
    throw new Error(
      `Không đọc được tệp GeoJSON ${file}: ${error instanceof SyntaxError ? "nội dung không phải JSON hợp lệ" : (error as Error).message}.`,
      { cause: error },
    );
  }
  await withDatabase(async ({ database }) => {
    const count = await importBoundaries(database.db, {
      user: systemUser,
      document,
      codeProperty: options.property,
      source: basename(file),
      schematic: options.schematic,
      now: new Date(),
    });
    console.log(`Đã nhập ranh giới của ${count} đơn vị hành chính.`);
  });
}
