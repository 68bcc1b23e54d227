import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createNtmRunner } from "../test/ntm-runner.ts";

const catalogFile = fileURLToPath(
  new URL("../../../../data/criteria/vn-commune-2021-2025.json", import.meta.url),
);
const { folder, ntm, cleanup } = createNtmRunner("ntm-cli-values-");

afterAll(cleanup);

describe("ntm import values / export values", () => {
  it("refuses a file with errors writing nothing, imports a clean one with progress, exports it", async () => {
    const units = join(folder, "units.csv");
    writeFileSync(
      units,
      [
        "code,name,level,parentCode,validFrom,validTo,region,communeGroup,flags,successorCode",
        "99,Tỉnh Mẫu,province,,2008-01-01,,TN,,,",
        "999,Huyện Mẫu,district,99,2008-01-01,,TN,,,",
        "99901,Xã Một,commune,999,2008-01-01,,TN,,,",
      ].join("\n"),
    );
    expect((await ntm("units", "import", units)).code).toBe(0);
    expect((await ntm("catalog", "import", catalogFile)).code).toBe(0);

    const bad = join(folder, "bad.csv");
    writeFileSync(
      bad,
      "ma_don_vi,ma_chi_tieu,nam,gia_tri\n99901,3.1,2024,120\n99901,3.2,2024,Đạt\n",
    );
    const refused = await ntm("import", "values", bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Tệp có 1 lỗi; chưa lưu giá trị nào.");
    expect(refused.stderr).toContain("dòng 2, cột D: Xã Một (99901): Chỉ tiêu 3.1");

    const good = join(folder, "good.csv");
    writeFileSync(
      good,
      'ma_don_vi,ma_chi_tieu,nam,gia_tri\n99901,3.1,2024,"85,5"\n99901,3.2,2024,Đạt\n',
    );
    const imported = await ntm("import", "values", good);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain("Kiểm tra: 2/2 (100 %)");
    expect(imported.stdout).toContain(
      "Đã nhập: 2 giá trị của 1 xã (dạng dọc); 2 giá trị thay đổi.",
    );

    const out = join(folder, "out.csv");
    const exported = await ntm("export", "values", "--unit", "999", "--year", "2024", "--out", out);
    expect(exported.stdout).toContain("Đã xuất 2 giá trị");
    expect(readFileSync(out, "utf8")).toContain("99901,Xã Một,3.1,2024,85.5,");
  });
});
