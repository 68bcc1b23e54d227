import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { ReformNewUnit, ReformSource, ReformUnitType } from "@ntm/domain";

/** The reform of 1 July 2025 as shipped with the product (data/admin-units-2025). */
export const reformFolder = new URL("../../../../../data/admin-units-2025/", import.meta.url);

const kindSchema = z.enum(["full", "partial"]);
const mergeSchema = z.object({ old_id: z.string().min(1), name: z.string(), type: kindSchema });
const mergesFileSchema = z.object({
  data: z.array(
    z.object({
      level1_id: z.string().regex(/^\d{2}$/),
      name: z.string().min(1),
      merges: z.array(mergeSchema).min(1),
      level2s: z.array(
        z.object({
          level2_id: z.string().regex(/^\d{5}$/),
          name: z.string().min(1),
          merges: z.array(mergeSchema),
        }),
      ),
    }),
  ),
  stats: z.object({ level1_count: z.number(), level2_count: z.number() }),
});
const splitsFileSchema = z.object({
  data: z.array(
    z.object({
      level1_id: z.string().regex(/^\d{2}$/),
      level3s: z.array(z.object({ level3_id: z.string().regex(/^\d{5}$/) })),
    }),
  ),
});

/** One spelling of a name: line breaks of the converted annex, spaces and Unicode forms evened out. */
const tidy = (name: string) =>
  name.replace(/<br>/g, " ").replace(/\s+/g, " ").trim().normalize("NFC");

/** A province's name without "Tỉnh", "Thành phố" or "Tp", which the official lists write differently. */
const provinceKey = (name: string) =>
  tidy(name)
    .toLocaleLowerCase("vi")
    .replace(/^(tỉnh|thành phố|tp\.?) /, "");

const typeOf = (name: string): ReformUnitType => {
  if (name.startsWith("Xã ")) return "xa";
  if (name.startsWith("Phường ")) return "phuong";
  if (name.startsWith("Đặc khu ")) return "dac_khu";
  throw new Error(`Tên đơn vị không rõ loại (xã, phường, đặc khu): ${name}`);
};

/** Codes of the official lists (CV 915 for provinces, CV 1027 for communes, with their province names). */
function officialCodes(csv: string, markdown: string) {
  const provinces = new Map(
    csv
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","))
      .map(([, code, name]) => [provinceKey(name ?? ""), (code ?? "").trim()] as const),
  );
  const units = new Map<string, string>();
  for (const line of markdown.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    if (!/^\d+$/.test(cells[1] ?? "") || !/^\d{5}$/.test(cells[2] ?? "")) continue;
    units.set(
      cells[2] as string,
      provinces.get(provinceKey(cells[4] as string)) ?? `? ${cells[4]}`,
    );
  }
  return { provinces: new Set(provinces.values()), units };
}

/**
 * Reads and checks the reform files: the mapping (merges.json, splits.json) must name exactly the
 * provinces and communes of the official lists, each in the same province.
 */
export async function readReformSource(folder: URL = reformFolder): Promise<ReformSource> {
  const read = (name: string) => readFile(new URL(name, folder), "utf8");
  const merges = mergesFileSchema.parse(JSON.parse(await read("merges.json")));
  const splits = splitsFileSchema.parse(JSON.parse(await read("splits.json")));
  const official = officialCodes(await read("915_CTK-CSCL.csv"), await read("1027_CTK-CSCL.md"));

  const provinces: ReformNewUnit[] = merges.data.map((p) => ({
    code: p.level1_id,
    name: tidy(p.name),
    provinceCode: p.level1_id,
    type: null,
    predecessors: p.merges.map((m) => ({ code: m.old_id, kind: m.type })),
  }));
  const units: ReformNewUnit[] = merges.data.flatMap((p) =>
    p.level2s.map((u) => ({
      code: u.level2_id,
      name: tidy(u.name),
      provinceCode: p.level1_id,
      type: typeOf(tidy(u.name)),
      predecessors: u.merges.map((m) => ({ code: m.old_id, kind: m.type })),
    })),
  );
  const problems = [
    ...provinces.filter((p) => !official.provinces.has(p.code)).map((p) => `tỉnh ${p.code}`),
    ...units
      .filter((u) => official.units.get(u.code) !== u.provinceCode)
      .map((u) => `xã ${u.code} (${u.provinceCode})`),
  ];
  if (
    problems.length > 0 ||
    provinces.length !== official.provinces.size ||
    units.length !== official.units.size
  ) {
    throw new Error(
      `Dữ liệu sắp xếp đơn vị hành chính không khớp danh mục chính thức: ${problems.slice(0, 10).join(", ") || "số lượng khác nhau"}.`,
    );
  }
  const oldProvinceOf = new Map(
    splits.data.flatMap((p) => p.level3s.map((c) => [c.level3_id, p.level1_id] as const)),
  );
  return {
    effectiveDate: "2025-07-01",
    lastDayBefore: "2025-06-30",
    provinces,
    units,
    oldProvinceOf,
  };
}
