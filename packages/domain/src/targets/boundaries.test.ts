import { describe, expect, it } from "vitest";
import { combineGeometries, readBoundaries } from "./boundaries.ts";

const square = [
  [
    [107.5, 14.5],
    [107.6, 14.5],
    [107.6, 14.6],
    [107.5, 14.5],
  ],
];
const feature = (properties: unknown, geometry: unknown) => ({
  type: "Feature",
  properties,
  geometry,
});
const known = new Set(["23353", "23356"]);
const read = (document: unknown) =>
  readBoundaries(document, { codeProperty: "ma", knownCodes: known });

describe("readBoundaries", () => {
  it("accepts polygons and multipolygons keyed by the code property (numbers too)", () => {
    const result = read({
      type: "FeatureCollection",
      features: [
        feature({ ma: "23353" }, { type: "Polygon", coordinates: square }),
        feature({ ma: 23356 }, { type: "MultiPolygon", coordinates: [square, square] }),
      ],
    });
    expect(result.ok && result.boundaries.map((row) => [row.unitCode, row.geometry.type])).toEqual([
      ["23353", "Polygon"],
      ["23356", "MultiPolygon"],
    ]);
  });

  it.each([
    [
      "not GeoJSON",
      [1, 2],
      'Tệp không phải GeoJSON FeatureCollection (cần "type": "FeatureCollection").',
    ],
    [
      "a single Feature",
      feature({ ma: "23353" }, null),
      'Tệp không phải GeoJSON FeatureCollection (cần "type": "FeatureCollection").',
    ],
    [
      "no features",
      { type: "FeatureCollection", features: [] },
      "Tệp không có đối tượng (features) nào.",
    ],
    [
      "no code",
      {
        type: "FeatureCollection",
        features: [feature({ name: "x" }, { type: "Polygon", coordinates: square })],
      },
      'Đối tượng thứ 1: thiếu thuộc tính "ma" (mã đơn vị hành chính).',
    ],
    [
      "an unknown code",
      {
        type: "FeatureCollection",
        features: [feature({ ma: "99999" }, { type: "Polygon", coordinates: square })],
      },
      "Đối tượng thứ 1 (mã 99999): không có đơn vị hành chính nào mang mã này.",
    ],
    [
      "a point",
      {
        type: "FeatureCollection",
        features: [feature({ ma: "23353" }, { type: "Point", coordinates: [1, 2] })],
      },
      "Đối tượng thứ 1 (mã 23353): hình học kiểu Point không phải là vùng (chỉ nhận Polygon hoặc MultiPolygon).",
    ],
    [
      "an open ring",
      {
        type: "FeatureCollection",
        features: [
          feature(
            { ma: "23353" },
            {
              type: "Polygon",
              coordinates: [
                [
                  [107.5, 14.5],
                  [107.6, 14.5],
                  [107.6, 14.6],
                  [107.5, 14.6],
                ],
              ],
            },
          ),
        ],
      },
      "Đối tượng thứ 1 (mã 23353): đường bao chưa khép kín (điểm cuối phải trùng điểm đầu).",
    ],
    [
      "latitude and longitude swapped out of range",
      {
        type: "FeatureCollection",
        features: [
          feature(
            { ma: "23353" },
            {
              type: "Polygon",
              coordinates: [
                [
                  [14.5, 107.5],
                  [14.6, 107.5],
                  [14.6, 107.6],
                  [14.5, 107.5],
                ],
              ],
            },
          ),
        ],
      },
      "Đối tượng thứ 1 (mã 23353): điểm [14.5, 107.5] nằm ngoài phạm vi kinh độ (−180…180) hoặc vĩ độ (−90…90).",
    ],
    [
      "a duplicated code",
      {
        type: "FeatureCollection",
        features: [
          feature({ ma: "23353" }, { type: "Polygon", coordinates: square }),
          feature({ ma: "23353" }, { type: "Polygon", coordinates: square }),
        ],
      },
      "Đối tượng thứ 2 (mã 23353): mã đơn vị bị lặp trong tệp.",
    ],
  ])("refuses %s, saying why in Vietnamese", (_name, document, message) => {
    const result = read(document);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toContain(message);
  });

  it("lists the first 20 problems and counts the rest", () => {
    const features = Array.from({ length: 25 }, () => feature({}, null));
    const result = read({ type: "FeatureCollection", features });
    expect(result.ok ? [] : result.errors).toHaveLength(21);
    expect(result.ok ? "" : result.errors[20]).toBe("… và 5 lỗi khác.");
  });
});

describe("combineGeometries", () => {
  it("makes one MultiPolygon of polygons and multipolygons", () => {
    const combined = combineGeometries([
      { type: "Polygon", coordinates: square },
      { type: "MultiPolygon", coordinates: [square, square] },
    ]);
    expect(combined.type).toBe("MultiPolygon");
    expect(combined.coordinates).toHaveLength(3);
  });
});
