import {
  bigint,
  bigserial,
  boolean,
  date,
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
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** One version of an administrative unit; a unit that changes parent or name gets a new row. */
export const adminUnits = pgTable(
  "admin_units",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    level: text("level").notNull(),
    parentCode: text("parent_code"),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    region: text("region"),
    communeGroup: text("commune_group"),
    flags: text("flags").array().notNull().default([]),
    /** Only rural communes (xã) are assessed against the NTM criteria. */
    assessed: boolean("assessed").notNull().default(true),
    /**
     * Regions of the units a merged unit was formed from, when they differ; `region` stays empty
     * until the province chooses one of them.
     */
    regionCandidates: text("region_candidates").array(),
  },
  (t) => [
    uniqueIndex("admin_units_code_valid_from_uq").on(t.code, t.validFrom),
    index("admin_units_parent_idx").on(t.parentCode),
  ],
);

/**
 * Lineage between unit versions: a version (code, valid from) that ended and a version that took
 * over all (`full`) or part (`partial`) of its area on the effective date. Codes are reused across
 * a reorganisation, so a link names both versions and never loops on one code.
 */
export const unitSuccessors = pgTable(
  "unit_successors",
  {
    predecessorCode: text("predecessor_code").notNull(),
    predecessorValidFrom: date("predecessor_valid_from").notNull(),
    successorCode: text("successor_code").notNull(),
    successorValidFrom: date("successor_valid_from").notNull(),
    kind: text("kind").notNull().default("full"),
    effectiveDate: date("effective_date").notNull(),
  },
  (t) => [
    primaryKey({
      name: "unit_successors_versions_pk",
      columns: [t.predecessorCode, t.predecessorValidFrom, t.successorCode, t.successorValidFrom],
    }),
    index("unit_successors_successor_idx").on(t.successorCode, t.successorValidFrom),
  ],
);

/** Every imported version of a criteria set, with its whole validated definition. */
export const criteriaSets = pgTable(
  "criteria_sets",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    unitLevel: text("unit_level").notNull(),
    fromYear: smallint("from_year").notNull(),
    toYear: smallint("to_year").notNull(),
    provinceCode: text("province_code"),
    definition: jsonb("definition").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
    importedBy: text("imported_by").notNull(),
  },
  (t) => [uniqueIndex("criteria_sets_code_version_uq").on(t.code, t.version)],
);

export const departments = pgTable("departments", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  provinceCode: text("province_code").notNull(),
});

/** Which department is in charge of which criterion (a provincial decision, e.g. "QĐ 1098"). */
export const departmentCriteria = pgTable(
  "department_criteria",
  {
    departmentId: integer("department_id")
      .notNull()
      .references(() => departments.id),
    setCode: text("set_code").notNull(),
    criterionCode: text("criterion_code").notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.setCode, t.criterionCode] })],
);

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  username: text("username").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  displayName: text("display_name").notNull(),
  role: text("role").notNull(),
  unitCode: text("unit_code").notNull(),
  departmentId: integer("department_id").references(() => departments.id),
  active: boolean("active").notNull().default(true),
  /** Set by an administrator's password reset: the user must choose a new password first. */
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  /** Created by the demo seed with a published password; refused when demo logins are off. */
  demo: boolean("demo").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end of the session, whatever its activity. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** The last request seen; the session ends after the idle timeout. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Failed-login counters, one row per key ("account:<username>" or "address:<ip>"), kept in the
 * database so that every API process sees the same counts.
 */
export const loginAttempts = pgTable("login_attempts", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  firstFailureAt: timestamp("first_failure_at", { withTimezone: true }).notNull(),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
});

/** One unit's assessment for one year; `version` guards concurrent edits. */
export const assessments = pgTable(
  "assessments",
  {
    unitCode: text("unit_code").notNull(),
    /** The unit's province, set by the database on insert: the key to shard by (docs/deploy.md). */
    provinceCode: text("province_code"),
    year: smallint("year").notNull(),
    version: integer("version").notNull().default(0),
    demo: boolean("demo").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.year] })],
);

export const assessmentValues = pgTable(
  "assessment_values",
  {
    unitCode: text("unit_code").notNull(),
    /**
     * The unit's province on 31 December of the year, as on its assessment row: written by every
     * writer (a row trigger made bulk writes several times slower), the key to shard by.
     */
    provinceCode: text("province_code"),
    year: smallint("year").notNull(),
    indicatorCode: text("indicator_code").notNull(),
    numValue: doublePrecision("num_value"),
    boolValue: boolean("bool_value"),
    note: text("note"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitCode, t.indicatorCode] })],
);

/** Stored engine results, written in the transaction that changes the values. */
export const evaluationResults = pgTable(
  "evaluation_results",
  {
    unitCode: text("unit_code").notNull(),
    /** The unit's province, set by the database on insert: the key to shard by (docs/deploy.md). */
    provinceCode: text("province_code"),
    year: smallint("year").notNull(),
    setId: integer("set_id")
      .notNull()
      .references(() => criteriaSets.id),
    criteriaMet: smallint("criteria_met").notNull(),
    criteriaTotal: smallint("criteria_total").notNull(),
    level: text("level"),
    valuesEntered: smallint("values_entered").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The first result's `computed_at`, set by the database on insert and never updated: the day
     * the commune was assessed on the year's set, which a maintenance re-evaluation (national, a
     * re-key after a reorganisation, a catalog amendment) does not move.
     */
    firstComputedAt: timestamp("first_computed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.unitCode] }),
    index("evaluation_results_unit_idx").on(t.unitCode),
  ],
);

export const evaluationCriteria = pgTable(
  "evaluation_criteria",
  {
    unitCode: text("unit_code").notNull(),
    /** As on the commune's stored result of the year, written by every writer (docs/deploy.md). */
    provinceCode: text("province_code"),
    year: smallint("year").notNull(),
    criterionCode: text("criterion_code").notNull(),
    status: text("status").notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitCode, t.criterionCode] })],
);

export const evidenceFiles = pgTable(
  "evidence_files",
  {
    id: serial("id").primaryKey(),
    unitCode: text("unit_code").notNull(),
    /** The unit's province, set by the database on insert: the key to shard by (docs/deploy.md). */
    provinceCode: text("province_code"),
    year: smallint("year").notNull(),
    indicatorCode: text("indicator_code").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evidence_files_assessment_idx").on(t.unitCode, t.year)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: integer("user_id"),
    username: text("username").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityKey: text("entity_key").notNull(),
    unitCode: text("unit_code"),
    /** The province of the unit on the day of the change; none for a change of no unit. */
    provinceCode: text("province_code"),
    oldValue: jsonb("old_value"),
    newValue: jsonb("new_value"),
    /** Position in the hash chain (1, 2, …); null only for rows written before the chain. */
    seq: bigint("seq", { mode: "number" }),
    /** SHA-256 of the previous row of the chain (64 zeros for the first). */
    prevHash: text("prev_hash"),
    /** SHA-256 of this row's canonical serialisation, prevHash included. */
    hash: text("hash"),
  },
  (t) => [
    index("audit_log_unit_idx").on(t.unitCode, t.at),
    index("audit_log_entity_idx").on(t.entityType, t.entityKey),
    uniqueIndex("audit_log_seq_idx").on(t.seq),
  ],
);

/**
 * The end of the audit hash chain: its length and last hash, written with every audit row, so
 * that rows removed from the end of the chain are noticed too.
 */
export const auditChainHead = pgTable("audit_chain_head", {
  chain: text("chain").primaryKey(),
  length: bigint("length", { mode: "number" }).notNull(),
  lastHash: text("last_hash").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** Key-value facts about the installation, e.g. whether demo data was seeded. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
});

export * from "./schema-dossiers.ts";
export * from "./schema-targets.ts";
export * from "./schema-reports.ts";
export * from "./schema-mail.ts";
export * from "./schema-ocop.ts";
export * from "./schema-jobs.ts";
export * from "./schema-villages.ts";
export * from "./schema-feedback.ts";
