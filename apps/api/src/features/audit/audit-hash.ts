import { createHash } from "node:crypto";

/** The previous hash of the first row of the chain. */
export const genesisHash = "0".repeat(64);

/** What an audit row says happened: who, what, to which entity, old and new values. */
export interface AuditRowFields {
  userId: number | null;
  username: string;
  action: string;
  entityType: string;
  entityKey: string;
  unitCode: string | null;
  oldValue: unknown;
  newValue: unknown;
}

/** Every field of an audit row that its hash covers, in the form the database gives back. */
export interface HashedAuditRow extends AuditRowFields {
  seq: number;
  /** UTC with microseconds, as `formatAuditTime` writes it. */
  at: string;
  prevHash: string;
}

/**
 * JSON with object keys sorted and no spaces: the same text for the same value however its keys
 * were ordered, and for a value read back from jsonb (which reorders keys and drops undefined).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * A timestamp as the chain hashes it: UTC, microseconds (PostgreSQL's precision), e.g.
 * `2024-05-01T03:04:05.678000Z`. The SQL side writes the same text with `to_char`.
 */
export function formatAuditTime(at: Date): string {
  return at.toISOString().replace(/Z$/, "000Z");
}

/** SHA-256 (hex) of the row's canonical serialisation, its previous hash included. */
export function auditRowHash(row: HashedAuditRow): string {
  const serialised = canonicalJson([
    "ntm-audit-v1",
    row.seq,
    row.at,
    row.userId,
    row.username,
    row.action,
    row.entityType,
    row.entityKey,
    row.unitCode,
    row.oldValue ?? null,
    row.newValue ?? null,
    row.prevHash,
  ]);
  return createHash("sha256").update(serialised, "utf8").digest("hex");
}
