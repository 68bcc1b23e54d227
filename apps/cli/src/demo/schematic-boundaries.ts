import type { BoundaryGeometry } from "@ntm/domain";

type Point = [number, number];

export interface SchematicDistrict {
  code: string;
  /** Where the district's communes are clustered, [longitude, latitude]. */
  centre: Point;
  communes: { code: string; name: string }[];
}

export interface SchematicFeature {
  type: "Feature";
  properties: { ma: string; ten: string; huyen: string };
  geometry: BoundaryGeometry;
}

/** Golden angle: successive communes turn by it so their seeds spread evenly around the centre. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const DISTRICT_RADIUS = 0.11;

/** Keeps the part of a convex polygon nearer to `a` than to `b` (the Voronoi half-plane). */
function clip(polygon: Point[], a: Point, b: Point): Point[] {
  const normal: Point = [b[0] - a[0], b[1] - a[1]];
  const middle: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const side = (p: Point) => (p[0] - middle[0]) * normal[0] + (p[1] - middle[1]) * normal[1];
  const result: Point[] = [];
  polygon.forEach((current, index) => {
    const next = polygon[(index + 1) % polygon.length] as Point;
    const sc = side(current);
    const sn = side(next);
    if (sc <= 0) result.push(current);
    if ((sc < 0 && sn > 0) || (sc > 0 && sn < 0)) {
      const t = sc / (sc - sn);
      result.push([
        current[0] + t * (next[0] - current[0]),
        current[1] + t * (next[1] - current[1]),
      ]);
    }
  });
  return result;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Schematic commune shapes: the Voronoi cells of one seed per commune inside a convex outline,
 * the seeds of a district spread around its centre. Deterministic; not real boundaries.
 */
export function schematicCommunes(
  outline: Point[],
  districts: SchematicDistrict[],
): SchematicFeature[] {
  const seeds = districts.flatMap((district) =>
    district.communes.map((commune, index) => {
      const radius = DISTRICT_RADIUS * Math.sqrt((index + 0.5) / district.communes.length);
      const angle = index * GOLDEN_ANGLE;
      const point: Point = [
        district.centre[0] + radius * Math.cos(angle),
        district.centre[1] + radius * Math.sin(angle),
      ];
      return { commune, district, point };
    }),
  );
  return seeds.map((seed) => {
    let cell = outline;
    for (const other of seeds) {
      if (other !== seed) cell = clip(cell, seed.point, other.point);
    }
    const ring = cell.map((p): Point => [round(p[0]), round(p[1])]);
    ring.push([...(ring[0] as Point)]);
    return {
      type: "Feature",
      properties: { ma: seed.commune.code, ten: seed.commune.name, huyen: seed.district.code },
      geometry: { type: "Polygon", coordinates: [ring] },
    };
  });
}

/** A rough convex outline of Kon Tum, [longitude, latitude], clockwise from the north. */
export const konTumOutline: Point[] = [
  [107.72, 15.42],
  [108.05, 15.2],
  [108.55, 14.75],
  [108.5, 14.35],
  [108.1, 14.1],
  [107.6, 13.92],
  [107.38, 14.2],
  [107.45, 14.9],
];

/** Rough centres of Kon Tum's districts (GSO codes), for the schematic map of the demo. */
export const konTumDistrictCentres: Readonly<Record<string, Point>> = {
  "608": [108.0, 14.36],
  "610": [107.78, 15.15],
  "611": [107.6, 14.72],
  "612": [107.82, 14.66],
  "613": [108.32, 14.72],
  "614": [108.22, 14.48],
  "615": [107.98, 14.52],
  "616": [107.72, 14.38],
  "617": [108.0, 14.9],
  "618": [107.55, 14.1],
};
