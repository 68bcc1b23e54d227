import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createNtmRunner } from "../test/ntm-runner.ts";

const catalogFile = fileURLToPath(
  new URL("../../../../data/criteria/vn-commune-2021-2025.json", import.meta.url),
);
const { folder, ntm, cleanup } = createNtmRunner("ntm-cli-");

afterAll(cleanup);

describe("the ntm command", () => {
  it("imports units from CSV, a catalog, a user, and evaluates a commune as JSON", async () => {
    const csv = join(folder, "units.csv");
    writeFileSync(
      csv,
      [
        "code,name,level,parentCode,validFrom,validTo,region,communeGroup,flags,successorCode",
        "99,Tỉnh Mẫu,province,,2008-01-01,,TN,,,",
        "999,Huyện Mẫu,district,99,2008-01-01,,TN,,,",
        "99901,Xã Một,commune,999,2008-01-01,,TN,2,especiallyDisadvantaged,",
      ].join("\n"),
    );
    const units = await ntm("units", "import", csv);
    expect(units.stderr).toBe("");
    expect(units.stdout).toMatch(/Đã nhập 3 đơn vị hành chính/);

    const catalog = await ntm("catalog", "import", catalogFile);
    expect(catalog.stdout).toMatch(/vn-commune-2021-2025 phiên bản 2/);

    const again = await ntm("catalog", "import", catalogFile);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã có/);

    const user = await ntm(
      "users",
      "add",
      "--username",
      "xa-mot",
      "--password",
      "matkhau123",
      "--role",
      "commune_officer",
      "--unit",
      "99901",
    );
    expect(user.stdout).toMatch(/Đã tạo tài khoản xa-mot/);

    const badRole = await ntm(
      "users",
      "add",
      "--username",
      "x2",
      "--password",
      "matkhau123",
      "--role",
      "boss",
      "--unit",
      "99901",
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/role/);

    const evaluation = await ntm("evaluate", "--unit", "99901", "--year", "2024", "--json");
    expect(evaluation.code).toBe(0);
    const result = JSON.parse(evaluation.stdout);
    expect(result.criteriaTotal).toBe(19);
    expect(result.criteriaMet).toBe(0);
    expect(result.overrideRule.id).toBeTruthy();
    expect(result.classValue).toBe("TDMNPB");
  });

  it("refuses a hierarchy file whose parent is unknown, writing nothing", async () => {
    const csv = join(folder, "bad-units.csv");
    writeFileSync(csv, ["code,name,level,parentCode", "88801,Xã Lạc,commune,888"].join("\n"));
    const result = await ntm("units", "import", csv);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/không có đơn vị cấp trên mã 888/);
  });
});
