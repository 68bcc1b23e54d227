import { describe, expect, it } from "vitest";
import { readBoundaries, type PolygonCoordinates } from "@ntm/domain";
import { konTumOutline, schematicCommunes } from "./schematic-boundaries.ts";

const area = (ring: number[][]) =>
  Math.abs(
    ring.slice(0, -1).reduce((sum, p, i) => {
      const q = ring[i + 1] as number[];
      return sum + (p[0] as number) * (q[1] as number) - (q[0] as number) * (p[1] as number);
    }, 0) / 2,
  );

const districts = [
  { code: "D1", centre: [107.8, 15.1] as [number, number], communes: ["a", "b", "c"] },
  { code: "D2", centre: [108.1, 14.4] as [number, number], communes: ["d", "e"] },
].map((d) => ({ ...d, communes: d.communes.map((code) => ({ code, name: `Xã ${code}` })) }));

describe("schematicCommunes", () => {
  const features = schematicCommunes(konTumOutline, districts);

  it("gives every commune one closed polygon that the boundary import accepts", () => {
    expect(features.map((f) => f.properties.ma)).toEqual(["a", "b", "c", "d", "e"]);
    const reading = readBoundaries(
      { type: "FeatureCollection", features },
      { codeProperty: "ma", knownCodes: new Set(["a", "b", "c", "d", "e"]) },
    );
    expect(reading.ok).toBe(true);
  });

  it("tiles the outline without gaps or overlaps, the same way every time", () => {
    const outline = [...konTumOutline, konTumOutline[0] as number[]];
    const total = features.reduce(
      (sum, f) => sum + area((f.geometry.coordinates as PolygonCoordinates)[0] as number[][]),
      0,
    );
    expect(total).toBeCloseTo(area(outline), 2);
    expect(schematicCommunes(konTumOutline, districts)).toEqual(features);
  });
});
