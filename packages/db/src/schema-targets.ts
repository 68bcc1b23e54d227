// Tables of the targets feature; every table is re-exported by schema.ts.
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/** A target set by a level of government for its unit, evaluated from the stored results. */
export const targets = pgTable(
  "targets",
  {
    id: serial("id").primaryKey(),
    unitCode: text("unit_code").notNull(),
    /** The unit's province, set by the database on insert: the key to shard by (docs/deploy.md). */
    provinceCode: text("province_code"),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    baselineYear: smallint("baseline_year").notNull(),
    deadlineYear: smallint("deadline_year").notNull(),
    value: doublePrecision("value").notNull(),
    level: text("level"),
    measure: text("measure"),
    perYear: boolean("per_year").notNull().default(false),
    excludeRecognised: boolean("exclude_recognised").notNull().default(false),
    valueUnit: text("value_unit"),
    /** A named set of communes; null means every assessed commune of the unit. */
    communeCodes: text("commune_codes").array(),
    /** For figures entered by hand: [{ year, value }]. */
    entered: jsonb("entered").notNull().default([]),
    /** The document that set the target, e.g. "CV 3080/UBND-NNTN ngày 15/9/2023". */
    source: text("source"),
    /** Values to reach in years before the deadline: [{ year, value }]. */
    milestones: jsonb("milestones").notNull().default([]),
    /** "The other communes gain N criteria a year", for a count of communes at a level. */
    othersGainPerYear: smallint("others_gain_per_year"),
    /** For a count of OCOP products: the fewest stars a product counts with. */
    minStars: smallint("min_stars"),
    demo: boolean("demo").notNull().default(false),
    version: integer("version").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [index("targets_unit_idx").on(t.unitCode)],
);

/** A commune's plan for one year: criteria to reach, tasks, investment and funding by source. */
export const communePlans = pgTable(
  "commune_plans",
  {
    unitCode: text("unit_code").notNull(),
    year: smallint("year").notNull(),
    /** The province key (docs/decisions/0023-sharding-key-province-code.md). */
    provinceCode: text("province_code"),
    plan: jsonb("plan").notNull(),
    version: integer("version").notNull().default(0),
    demo: boolean("demo").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitCode] })],
);

/** The shape of an administrative unit for the maps, imported from GeoJSON; one per unit code. */
export const unitBoundaries = pgTable("unit_boundaries", {
  unitCode: text("unit_code").primaryKey(),
  /** The province key: the unit's latest province (docs/decisions/0023-sharding-key-province-code.md). */
  provinceCode: text("province_code"),
  /** A GeoJSON Polygon or MultiPolygon, longitude and latitude in WGS 84. */
  geometry: jsonb("geometry").notNull(),
  /** Where the shape comes from (the file imported). */
  source: text("source").notNull(),
  /** A schematic shape, not a real boundary: the map says so wherever it is shown. */
  schematic: boolean("schematic").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by").notNull(),
});
