// Tables of the villages feature; every table is re-exported by schema.ts. Villages themselves are
// versions of `admin_units` (level `village`), with lineage in `unit_successors`.
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  date,
} from "drizzle-orm/pg-core";

/** A village's value of an indicator of a village set, for one year. */
export const villageValues = pgTable(
  "village_values",
  {
    unitCode: text("unit_code").notNull(),
    year: smallint("year").notNull(),
    /** The province key (docs/decisions/0023-sharding-key-province-code.md). */
    provinceCode: text("province_code"),
    setCode: text("set_code").notNull(),
    indicatorCode: text("indicator_code").notNull(),
    numValue: doublePrecision("num_value"),
    boolValue: boolean("bool_value"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitCode, t.setCode, t.indicatorCode] })],
);

/**
 * A village's assessment under a set for one year: `version` guards concurrent edits, and the
 * stored result of the engine is written in the transaction that changes the values.
 */
export const villageAssessments = pgTable(
  "village_assessments",
  {
    unitCode: text("unit_code").notNull(),
    year: smallint("year").notNull(),
    /** The province key (docs/decisions/0023-sharding-key-province-code.md). */
    provinceCode: text("province_code"),
    setCode: text("set_code").notNull(),
    version: integer("version").notNull().default(0),
    setId: integer("set_id").notNull(),
    criteriaMet: smallint("criteria_met").notNull(),
    criteriaTotal: smallint("criteria_total").notNull(),
    level: text("level"),
    valuesEntered: smallint("values_entered").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.unitCode, t.setCode] }),
    index("village_assessments_set_idx").on(t.setCode, t.year),
  ],
);

/** Where a village stands under a set: self-assessed, recognised, refused or revoked. */
export const villageRecognitions = pgTable(
  "village_recognitions",
  {
    unitCode: text("unit_code").notNull(),
    setCode: text("set_code").notNull(),
    status: text("status").notNull(),
    year: smallint("year").notNull(),
    /** The province key: the village's latest province (docs/decisions/0023-sharding-key-province-code.md). */
    provinceCode: text("province_code"),
    reportNumber: text("report_number").notNull(),
    reportDate: date("report_date").notNull(),
    decisionNumber: text("decision_number"),
    decisionDate: date("decision_date"),
    reason: text("reason"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.setCode] })],
);

/**
 * Evidence files attached to a village's value of an indicator for a year. A table of its own so
 * that the commune evidence routes, which act on `evidence_files` by id, never reach a village's
 * file.
 */
export const villageEvidence = pgTable(
  "village_evidence",
  {
    id: serial("id").primaryKey(),
    unitCode: text("unit_code").notNull(),
    year: smallint("year").notNull(),
    /** The province key (docs/decisions/0023-sharding-key-province-code.md). */
    provinceCode: text("province_code"),
    setCode: text("set_code").notNull(),
    indicatorCode: text("indicator_code").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("village_evidence_assessment_idx").on(t.unitCode, t.year, t.setCode)],
);
