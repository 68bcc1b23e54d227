import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createNtmRunner } from "../test/ntm-runner.ts";

const { folder, ntm, cleanup } = createNtmRunner("ntm-boundaries-");

function file(name: string, content: unknown) {
  const path = join(folder, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const polygon = {
  type: "Polygon",
  coordinates: [
    [
      [107.5, 14.5],
      [107.6, 14.5],
      [107.6, 14.6],
      [107.5, 14.5],
    ],
  ],
};

afterAll(cleanup);

describe("ntm boundaries import", () => {
  it("refuses a bad file with Vietnamese reasons, then imports a good one", async () => {
    const units = file(
      "units.csv",
      [
        "code,name,level,parentCode,validFrom,validTo,region,communeGroup,flags,successorCode",
        "99,Tỉnh Mẫu,province,,2008-01-01,,TN,,,",
        "999,Huyện Mẫu,district,99,2008-01-01,,TN,,,",
        "99901,Xã Một,commune,999,2008-01-01,,TN,,,",
      ].join("\n"),
    );
    expect((await ntm("units", "import", units)).code).toBe(0);

    const notJson = await ntm("boundaries", "import", file("broken.geojson", "{ not json"));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain("nội dung không phải JSON hợp lệ");

    const bad = await ntm(
      "boundaries",
      "import",
      file("bad.geojson", {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { ma: "99901" },
            geometry: { type: "Point", coordinates: [1, 2] },
          },
          { type: "Feature", properties: {}, geometry: polygon },
        ],
      }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Tệp ranh giới không hợp lệ (2 lỗi)");
    expect(bad.stderr).toContain(
      "Đối tượng thứ 1 (mã 99901): hình học kiểu Point không phải là vùng",
    );
    expect(bad.stderr).toContain('Đối tượng thứ 2: thiếu thuộc tính "ma"');

    const good = await ntm(
      "boundaries",
      "import",
      file("good.geojson", {
        type: "FeatureCollection",
        features: [
          { type: "Feature", properties: { code: "99901" }, geometry: polygon },
          { type: "Feature", properties: { code: 999 }, geometry: polygon },
        ],
      }),
      "--property",
      "code",
    );
    expect(good.stderr).toBe("");
    expect(good.stdout).toContain("Đã nhập ranh giới của 2 đơn vị hành chính.");
  });
});
