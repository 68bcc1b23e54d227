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
 * were ordered, and the text of what jsonb keeps of it (`toJSON` applied, so a Date is its text;
 * undefined, functions and symbols dropped from objects and null in arrays, as JSON.stringify
 * does), so a value and the same value read back from the database give the same text. Written
 * in one pass with no intermediate arrays: an import hashes hundreds of thousands of values.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value, "") ?? "null";
}

/** Object keys as JSON text: the same few names (indicator codes, "value", "note") recur. */
const quotedKeys = new Map<string, string>();
const quotedKeysMax = 10_000;

function quotedKey(name: string): string {
  let quoted = quotedKeys.get(name);
  if (quoted === undefined) {
    quoted = JSON.stringify(name);
    if (quotedKeys.size < quotedKeysMax) quotedKeys.set(name, quoted);
  }
  return quoted;
}

function canonical(value: unknown, key: string): string | undefined {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      return JSON.stringify(value);
  }
  if (value === null) return "null";
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return canonical((value as { toJSON: (key: string) => unknown }).toJSON(key), key);
  }
  if (Array.isArray(value)) {
    let text = "[";
    for (let index = 0; index < value.length; index += 1) {
      text += `${index === 0 ? "" : ","}${canonical(value[index], String(index)) ?? "null"}`;
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = "{";
  for (const name of Object.keys(record).sort()) {
    const field = canonical(record[name], name);
    if (field !== undefined) text += `${text === "{" ? "" : ","}${quotedKey(name)}:${field}`;
  }
  return `${text}}`;
}

/**
 * A timestamp as the chain hashes it: UTC, microseconds (PostgreSQL's precision), e.g.
 * `2024-05-01T03:04:05.678000Z`. The SQL side writes the same text with `to_char`.
 */
export function formatAuditTime(at: Date): string {
  return at.toISOString().replace(/Z$/, "000Z");
}

/** A row to hash with its old and new values already in canonical text (`canonicalJson`). */
export interface CanonicalAuditRow extends Omit<HashedAuditRow, "oldValue" | "newValue"> {
  oldJson: string;
  newJson: string;
}

/**
 * SHA-256 (hex) of the row's canonical serialisation, its previous hash included: the canonical
 * text of the array ["ntm-audit-v1", seq, at, userId, username, action, entityType, entityKey,
 * unitCode, oldValue, newValue, prevHash], fed to the hash a part at a time.
 */
export function canonicalRowHash(row: CanonicalAuditRow): string {
  const fields = canonicalJson([
    "ntm-audit-v1",
    row.seq,
    row.at,
    row.userId,
    row.username,
    row.action,
    row.entityType,
    row.entityKey,
    row.unitCode,
  ]);
  return createHash("sha256")
    .update(fields.slice(0, -1), "utf8")
    .update(",", "utf8")
    .update(row.oldJson, "utf8")
    .update(",", "utf8")
    .update(row.newJson, "utf8")
    .update(`,${JSON.stringify(row.prevHash)}]`, "utf8")
    .digest("hex");
}

/** The hash of a row whose values are as the database gives them back. */
export function auditRowHash(row: HashedAuditRow): string {
  return canonicalRowHash({
    ...row,
    oldJson: canonicalJson(row.oldValue),
    newJson: canonicalJson(row.newValue),
  });
}
