import type { Db } from "@ntm/db";
import {
  combineGeometries,
  endOfYear,
  readBoundaries,
  type BoundaryGeometry,
  type LevelCode,
} from "@ntm/domain";
import type { MapFeatureProperties, UnitMapResponse } from "@ntm/contracts";
import { invalid } from "../../http/app-error.ts";
import { currentYear } from "../../shared/clock.ts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import { findChildrenOn } from "../units/index.ts";
import { findAllUnitCodes, findBoundaries, upsertBoundaries } from "./maps.repository.ts";
import { findResultsForYears } from "./targets.repository.ts";
import { loadUnitScope, setInfoFor } from "./target-scope.ts";

/**
 * Imports unit shapes from a GeoJSON FeatureCollection; the unit code is read from
 * `codeProperty`. The whole file is refused, with every problem listed in Vietnamese, if any
 * feature is wrong. Returns the number of shapes stored.
 */
export async function importBoundaries(
  db: Db,
  options: {
    user: AuthUser;
    document: unknown;
    codeProperty: string;
    source: string;
    schematic: boolean;
    now: Date;
  },
): Promise<number> {
  assertCan(options.user, "boundaries.import");
  const reading = readBoundaries(options.document, {
    codeProperty: options.codeProperty,
    knownCodes: await findAllUnitCodes(db),
  });
  if (!reading.ok) {
    throw invalid(
      `Tệp ranh giới không hợp lệ (${reading.errors.length} lỗi); chưa ghi dữ liệu nào.`,
      "The boundary file is not valid; nothing was written.",
      reading.errors.map((message) => ({ path: "features", message })),
    );
  }
  await db.transaction(async (tx) => {
    await upsertBoundaries(tx, reading.boundaries, {
      source: options.source,
      schematic: options.schematic,
      by: options.user.username,
      now: options.now,
    });
    await recordAudit(tx, {
      kind: "boundaries.import",
      by: options.user,
      key: options.source,
      unitCode: null,
      new: {
        units: reading.boundaries.length,
        schematic: options.schematic,
        codes: reading.boundaries.map((row) => row.unitCode),
      },
    });
  });
  return reading.boundaries.length;
}

interface MapUnit {
  code: string;
  name: string;
  parentName: string | null;
  communeCodes: string[];
}

/**
 * The shapes of the communes below a unit (or of its direct children) with their stored results
 * of the year: criteria met and level for a commune; for a unit above communes, the average
 * criteria met and the communes recognised. A unit without its own shape is drawn from the
 * shapes of its communes.
 */
export async function getUnitMap(
  db: Db,
  options: {
    user: AuthUser;
    code: string;
    year: number | undefined;
    show: "communes" | "children";
    now: Date;
  },
): Promise<UnitMapResponse> {
  const scope = await loadUnitScope(db, options);
  const { levels, criteria } = await setInfoFor(db, scope.year, scope.provinceCode);
  const inScope = new Set(scope.communes.map((c) => c.code));
  let units: MapUnit[] = scope.communes.map((c) => ({
    code: c.code,
    name: c.name,
    parentName: c.parentName,
    communeCodes: [c.code],
  }));
  if (options.show === "children" && scope.unit.level !== "commune") {
    const asOf = endOfYear(options.year ?? currentYear(options.now));
    const children = await findChildrenOn(db, scope.unit.code, asOf);
    units = children
      .map((child) => ({
        code: child.code,
        name: child.name,
        parentName: scope.unit.name,
        communeCodes:
          child.level === "commune"
            ? [child.code].filter((code) => inScope.has(code))
            : scope.communes.filter((c) => c.ancestors.has(child.code)).map((c) => c.code),
      }))
      .filter((unit) => unit.communeCodes.length > 0);
  }
  const communeCodes = scope.communes.map((c) => c.code);
  const results = new Map(
    (await findResultsForYears(db, communeCodes, [scope.year])).map((row) => [row.unitCode, row]),
  );
  const shapes = await findBoundaries(db, [
    ...new Set([...units.map((unit) => unit.code), ...communeCodes]),
  ]);
  let schematic = false;
  const withoutShape: UnitMapResponse["withoutShape"] = [];
  const features: UnitMapResponse["geojson"]["features"] = [];
  for (const unit of units) {
    const own = shapes.get(unit.code);
    const parts = own
      ? [own]
      : unit.communeCodes.flatMap((code) => {
          const shape = shapes.get(code);
          return shape ? [shape] : [];
        });
    if (parts.length === 0) {
      withoutShape.push({ code: unit.code, name: unit.name });
      continue;
    }
    if (parts.some((part) => part.schematic)) schematic = true;
    const geometry: BoundaryGeometry =
      parts.length === 1 && parts[0]
        ? parts[0].geometry
        : combineGeometries(parts.map((part) => part.geometry));
    const rows = unit.communeCodes.flatMap((code) => {
      const row = results.get(code);
      return row ? [row] : [];
    });
    const single = unit.communeCodes.length === 1 && unit.communeCodes[0] === unit.code;
    const properties: MapFeatureProperties = {
      code: unit.code,
      name: unit.name,
      parentName: unit.parentName,
      criteriaMet:
        rows.length === 0
          ? null
          : Math.round((rows.reduce((sum, row) => sum + row.criteriaMet, 0) / rows.length) * 10) /
            10,
      criteriaTotal: rows[0]?.criteriaTotal ?? (criteria.length || null),
      level: single ? ((rows[0]?.level ?? null) as LevelCode | null) : null,
      communes: unit.communeCodes.length,
      recognised: rows.filter((row) => row.level !== null).length,
    };
    features.push({ type: "Feature", id: unit.code, properties, geometry });
  }
  return {
    unit: { code: scope.unit.code, name: scope.unit.name, level: scope.unit.level },
    year: scope.year,
    show: options.show,
    levels,
    schematic,
    withoutShape,
    geojson: { type: "FeatureCollection", features },
  };
}
