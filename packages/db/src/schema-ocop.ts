// Tables of the OCOP registry; every table is re-exported by schema.ts.
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
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

/** An OCOP product of a commune and its producer (chủ thể OCOP). */
export const ocopProducts = pgTable(
  "ocop_products",
  {
    id: serial("id").primaryKey(),
    /** The province of the commune of the latest certificate. */
    provinceCode: text("province_code").notNull(),
    /** The commune of the latest certificate (the unit in force on its decision date). */
    communeCode: text("commune_code").notNull(),
    name: text("name").notNull(),
    /** cooperative | enterprise | household | cooperative_group | other */
    producerKind: text("producer_kind").notNull(),
    producerName: text("producer_name").notNull(),
    /** Where the notice before expiry is sent; optional. */
    producerEmail: text("producer_email"),
    /** One of the six groups of QĐ 148/QĐ-TTg (the domain's `ocopGroups`). */
    groupCode: text("group_code").notNull(),
    /** Illustrative demo data ("dữ liệu minh họa"). */
    demo: boolean("demo").notNull().default(false),
    version: integer("version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    uniqueIndex("ocop_products_uq").on(t.provinceCode, t.name, t.producerName),
    index("ocop_products_commune_idx").on(t.communeCode),
  ],
);

/** A certificate of a product: its scores, stars and decision; never deleted. */
export const ocopCertificates = pgTable(
  "ocop_certificates",
  {
    id: serial("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => ocopProducts.id),
    communeCode: text("commune_code").notNull(),
    scoreA: doublePrecision("score_a").notNull(),
    scoreB: doublePrecision("score_b").notNull(),
    scoreC: doublePrecision("score_c").notNull(),
    total: doublePrecision("total").notNull(),
    stars: smallint("stars").notNull(),
    decisionNumber: text("decision_number").notNull(),
    decisionDate: date("decision_date").notNull(),
    issuer: text("issuer").notNull(),
    /** province | national */
    issuerLevel: text("issuer_level").notNull(),
    /** The first day it is no longer valid (decision date + 36 months). */
    expiresOn: date("expires_on").notNull(),
    revokedOn: date("revoked_on"),
    revokeReason: text("revoke_reason"),
    revokeDecision: text("revoke_decision"),
    /** certified | reevaluated | imported */
    origin: text("origin").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    index("ocop_certificates_product_idx").on(t.productId),
    index("ocop_certificates_expiry_idx").on(t.expiresOn),
  ],
);

/** The history of a product: registration, re-evaluations, revocations, notices. */
export const ocopEvents = pgTable(
  "ocop_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => ocopProducts.id),
    certificateId: integer("certificate_id"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    username: text("username").notNull(),
    /** register | reevaluate | revoke | import | notice | edit */
    action: text("action").notNull(),
    note: text("note").notNull().default(""),
    data: jsonb("data"),
  },
  (t) => [index("ocop_events_product_idx").on(t.productId)],
);

/** The notice before expiry sent for a certificate: one per certificate, whatever the reruns. */
export const ocopNotices = pgTable("ocop_notices", {
  certificateId: integer("certificate_id")
    .primaryKey()
    .references(() => ocopCertificates.id),
  sentOn: date("sent_on").notNull(),
  recipients: text("recipients").array().notNull(),
});
