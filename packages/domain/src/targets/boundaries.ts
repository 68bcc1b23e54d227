/** A polygon as GeoJSON writes it: rings of [longitude, latitude] positions, the outer ring first. */
export type PolygonCoordinates = number[][][];

export type BoundaryGeometry =
  | { type: "Polygon"; coordinates: PolygonCoordinates }
  | { type: "MultiPolygon"; coordinates: PolygonCoordinates[] };

export interface UnitBoundary {
  unitCode: string;
  geometry: BoundaryGeometry;
}

export type BoundaryReading =
  { ok: true; boundaries: UnitBoundary[] } | { ok: false; errors: string[] };

/** A file with thousands of mistakes lists the first ones; the rest are the same kind. */
const MAX_ERRORS = 20;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function positionError(position: unknown): string | null {
  if (!Array.isArray(position) || position.length < 2) return "một điểm không có đủ kinh độ, vĩ độ";
  const [lon, lat] = position as unknown[];
  if (typeof lon !== "number" || typeof lat !== "number" || !Number.isFinite(lon + lat)) {
    return "kinh độ, vĩ độ phải là số";
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    return `điểm [${lon}, ${lat}] nằm ngoài phạm vi kinh độ (−180…180) hoặc vĩ độ (−90…90)`;
  }
  return null;
}

function polygonError(polygon: unknown): string | null {
  if (!Array.isArray(polygon) || polygon.length === 0) return "vùng không có đường bao";
  for (const ring of polygon as unknown[]) {
    if (!Array.isArray(ring) || ring.length < 4) {
      return "đường bao phải có ít nhất 4 điểm (điểm cuối trùng điểm đầu)";
    }
    for (const position of ring as unknown[]) {
      const error = positionError(position);
      if (error) return error;
    }
    const first = ring[0] as number[];
    const last = ring[ring.length - 1] as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return "đường bao chưa khép kín (điểm cuối phải trùng điểm đầu)";
    }
  }
  return null;
}

function geometryError(geometry: unknown): string | null {
  if (!isObject(geometry)) return "thiếu hình học (geometry)";
  if (geometry.type === "Polygon") return polygonError(geometry.coordinates);
  if (geometry.type === "MultiPolygon") {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
      return "MultiPolygon không có vùng nào";
    }
    for (const polygon of geometry.coordinates as unknown[]) {
      const error = polygonError(polygon);
      if (error) return error;
    }
    return null;
  }
  return `hình học kiểu ${String(geometry.type)} không phải là vùng (chỉ nhận Polygon hoặc MultiPolygon)`;
}

/**
 * Reads a GeoJSON FeatureCollection of administrative boundaries: each feature carries the unit
 * code in `codeProperty` and a Polygon or MultiPolygon. Every problem is reported in Vietnamese
 * with the feature's position, and nothing is accepted from a file with any problem.
 */
export function readBoundaries(
  document: unknown,
  options: { codeProperty: string; knownCodes: ReadonlySet<string> },
): BoundaryReading {
  if (!isObject(document) || document.type !== "FeatureCollection") {
    return {
      ok: false,
      errors: ['Tệp không phải GeoJSON FeatureCollection (cần "type": "FeatureCollection").'],
    };
  }
  if (!Array.isArray(document.features) || document.features.length === 0) {
    return { ok: false, errors: ["Tệp không có đối tượng (features) nào."] };
  }
  const errors: string[] = [];
  const boundaries: UnitBoundary[] = [];
  const seen = new Set<string>();
  document.features.forEach((feature: unknown, index: number) => {
    const at = `Đối tượng thứ ${index + 1}`;
    if (!isObject(feature) || feature.type !== "Feature") {
      errors.push(`${at}: không phải một Feature.`);
      return;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    const raw = properties[options.codeProperty];
    const code = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
    if (!code) {
      errors.push(`${at}: thiếu thuộc tính "${options.codeProperty}" (mã đơn vị hành chính).`);
      return;
    }
    const label = `${at} (mã ${code})`;
    if (seen.has(code)) {
      errors.push(`${label}: mã đơn vị bị lặp trong tệp.`);
      return;
    }
    seen.add(code);
    if (!options.knownCodes.has(code)) {
      errors.push(`${label}: không có đơn vị hành chính nào mang mã này.`);
      return;
    }
    const error = geometryError(feature.geometry);
    if (error) {
      errors.push(`${label}: ${error}.`);
      return;
    }
    boundaries.push({ unitCode: code, geometry: feature.geometry as BoundaryGeometry });
  });
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS) {
      shown.push(`… và ${errors.length - MAX_ERRORS} lỗi khác.`);
    }
    return { ok: false, errors: shown };
  }
  return { ok: true, boundaries };
}

/** One MultiPolygon made of the shapes of several units, e.g. a district from its communes. */
export function combineGeometries(geometries: readonly BoundaryGeometry[]): BoundaryGeometry {
  return {
    type: "MultiPolygon",
    coordinates: geometries.flatMap((geometry) =>
      geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates,
    ),
  };
}
