// Tables of the dossiers feature; every table is re-exported by schema.ts.
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** A filing round with its deadline, e.g. "Đợt 1: trước 30/11/2023". */
export const dossierBatches = pgTable("dossier_batches", {
  id: serial("id").primaryKey(),
  provinceCode: text("province_code").notNull(),
  name: text("name").notNull(),
  year: smallint("year").notNull(),
  deadline: date("deadline").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A recognition or revocation dossier; `state` is the whole workflow state (domain DossierState). */
export const dossiers = pgTable(
  "dossiers",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").notNull(),
    unitCode: text("unit_code").notNull(),
    unitLevel: text("unit_level").notNull(),
    year: smallint("year").notNull(),
    /** The province key (docs/decisions/0023-sharding-key-province-code.md). */
    provinceCode: text("province_code"),

    requestedLevel: text("requested_level").notNull(),
    batchId: integer("batch_id").references(() => dossierBatches.id),
    regimeCode: text("regime_code").notNull(),
    /** The version of the regime the dossier was filed under (dossier_regimes.version). */
    regimeVersion: integer("regime_version").notNull().default(1),
    status: text("status").notNull(),
    currentStep: text("current_step").notNull(),
    state: jsonb("state").notNull(),
    version: integer("version").notNull().default(0),
    demo: boolean("demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: text("created_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("dossiers_unit_idx").on(t.unitCode, t.year),
    index("dossiers_batch_idx").on(t.batchId),
  ],
);

/** Every action on a dossier, every round kept. */
export const dossierEvents = pgTable(
  "dossier_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    /** The dossier's province key. */
    provinceCode: text("province_code"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    username: text("username").notNull(),
    role: text("role").notNull(),
    type: text("type").notNull(),
    step: text("step"),
    round: smallint("round").notNull(),
    payload: jsonb("payload"),
  },
  (t) => [index("dossier_events_dossier_idx").on(t.dossierId, t.id)],
);

/** Scans uploaded to a dossier step. */
export const dossierDocuments = pgTable(
  "dossier_documents",
  {
    id: serial("id").primaryKey(),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    /** The dossier's province key. */
    provinceCode: text("province_code"),
    stepCode: text("step_code").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("dossier_documents_dossier_idx").on(t.dossierId)],
);

/** A unit's recognised level over time: opened by a decision, closed by a revocation or a later level. */
export const recognisedLevels = pgTable(
  "recognised_levels",
  {
    id: serial("id").primaryKey(),
    unitCode: text("unit_code").notNull(),
    level: text("level").notNull(),
    year: smallint("year").notNull(),
    /** The province key (docs/decisions/0023-sharding-key-province-code.md). */
    provinceCode: text("province_code"),
    decisionNumber: text("decision_number").notNull(),
    decisionDate: date("decision_date").notNull(),
    dossierId: integer("dossier_id").references(() => dossiers.id),
    endedOn: date("ended_on"),
    /** "revoked" or "superseded" (a higher level was recognised). */
    endReason: text("end_reason"),
    revokedByDecision: text("revoked_by_decision"),
    revocationDossierId: integer("revocation_dossier_id").references(() => dossiers.id),
    demo: boolean("demo").notNull().default(false),
    /** Who signed the decision (recorded for decisions taken without a dossier). */
    signer: text("signer"),
    /** "merger" when recognised by decision after a merger (CV 267/BNN-VPĐP), else null. */
    basis: text("basis"),
  },
  (t) => [index("recognised_levels_unit_idx").on(t.unitCode, t.decisionDate)],
);

/** E-mail address a user wants workflow notifications at. */
export const notificationContacts = pgTable("notification_contacts", {
  userId: integer("user_id").primaryKey(),
  email: text("email").notNull(),
});

/** Versions of a dossier regime (data/regimes/*.json or a province's own file); never changed once stored. */
export const dossierRegimes = pgTable(
  "dossier_regimes",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    kind: text("kind").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    /** The validated file (contracts regimeFileSchema) without its version. */
    definition: jsonb("definition").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
    importedBy: text("imported_by").notNull(),
  },
  (t) => [uniqueIndex("dossier_regimes_code_version_idx").on(t.code, t.version)],
);
