import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse } from "csv-parse/sync";

/** Reads a JSON file (an object or an array) or a CSV file with a header row into plain records. */
export async function readDataFile(path: string): Promise<unknown> {
  const text = await readFile(path, "utf8");
  const extension = extname(path).toLowerCase();
  if (extension === ".csv") {
    return parse(text.replace(/^\uFEFF/, ""), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    }) as Record<string, string>[];
  }
  if (extension === ".json") return JSON.parse(text) as unknown;
  throw new Error(`Không đọc được tệp ${path}: chỉ nhận .json hoặc .csv.`);
}
