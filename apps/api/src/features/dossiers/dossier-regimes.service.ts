import { readdirSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import type { Db, DbOrTx } from "@ntm/db";
import { regimeFor, type DossierKind, type RegimeConfig } from "@ntm/domain";
import { regimeFileSchema, type RegimeFile, type RegimeVersionDto } from "@ntm/contracts";
import { AppError, invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { systemUser, type AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import {
  countDossiersByRegime,
  findRegimeRows,
  insertRegimeRow,
  type RegimeRow,
} from "./dossiers.repository.ts";

const shippedFolder = new URL("../../../../../data/regimes/", import.meta.url);

/** The regime files shipped with the product (data/regimes/*.json), validated. */
export function shippedRegimeFiles(): RegimeFile[] {
  return readdirSync(shippedFolder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) =>
      regimeFileSchema.parse(JSON.parse(readFileSync(new URL(name, shippedFolder), "utf8"))),
    );
}

function toConfig(row: RegimeRow): RegimeConfig {
  const file: Partial<RegimeFile> = { ...(row.definition as RegimeFile) };
  delete file.format;
  return { ...file, version: row.version } as RegimeConfig;
}

/** Every stored version, and the newest of each code (the ones new dossiers follow). */
export interface RegimeRegistry {
  rows: RegimeRow[];
  current: RegimeConfig[];
  get(code: string, version: number): RegimeConfig;
  inForce(kind: DossierKind, date: string): RegimeConfig | undefined;
}

function registryOf(rows: RegimeRow[]): RegimeRegistry {
  const byKey = new Map(rows.map((row) => [`${row.code}@${row.version}`, toConfig(row)]));
  const newest = new Map<string, RegimeRow>();
  for (const row of rows) {
    if ((newest.get(row.code)?.version ?? 0) < row.version) newest.set(row.code, row);
  }
  const current = [...newest.values()].map(toConfig);
  return {
    rows,
    current,
    get(code, version) {
      const regime = byKey.get(`${code}@${version}`);
      if (!regime) {
        throw new AppError({
          code: "INTERNAL",
          vi: `Thiếu cấu hình quy trình ${code} phiên bản ${version}.`,
          en: `Missing regime ${code} version ${version}.`,
        });
      }
      return regime;
    },
    inForce: (kind, date) => regimeFor(kind, date, current),
  };
}

async function storeVersion(
  tx: DbOrTx,
  options: { file: RegimeFile; rows: RegimeRow[]; by: AuthUser; now: Date },
) {
  const { file, by, now } = options;
  const versions = options.rows.filter((row) => row.code === file.code);
  const latest = versions.at(-1);
  if (latest && isDeepStrictEqual(latest.definition, file)) return { row: latest, created: false };
  const row = await insertRegimeRow(tx, {
    code: file.code,
    version: (latest?.version ?? 0) + 1,
    kind: file.kind,
    validFrom: file.validFrom,
    validTo: file.validTo,
    definition: file,
    importedAt: now,
    importedBy: by.username,
  });
  if (!row) return { row: latest as RegimeRow, created: false };
  await recordAudit(tx, {
    kind: "dossier_regime.import",
    by,
    key: `${row.code}@${row.version}`,
    unitCode: null,
    old: latest ? { version: latest.version } : null,
    new: { version: row.version, validFrom: row.validFrom, validTo: row.validTo },
  });
  return { row, created: true };
}

/**
 * The stored regimes. A database without any gets the shipped files as version 1 (audited as the
 * system), so a new installation can file dossiers before a province imports its own.
 */
export async function loadRegimes(db: Db): Promise<RegimeRegistry> {
  let rows = await findRegimeRows(db);
  if (rows.length === 0) {
    await db.transaction(async (tx) => {
      for (const file of shippedRegimeFiles()) {
        await storeVersion(tx, { file, rows: [], by: systemUser, now: new Date() });
      }
    });
    rows = await findRegimeRows(db);
  }
  return registryOf(rows);
}

/**
 * Stores a regime file as the next version of its code (nothing when it equals the newest).
 * Dossiers already filed keep the version they were filed under.
 */
export async function importRegime(
  db: Db,
  options: { user: AuthUser; file: unknown; now: Date },
): Promise<{ code: string; version: number; created: boolean }> {
  assertCan(options.user, "regime.import");
  const parsed = regimeFileSchema.safeParse(options.file);
  if (!parsed.success) {
    throw invalid(
      "Tệp quy trình hồ sơ chưa hợp lệ.",
      "The regime file is not valid.",
      parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    );
  }
  await loadRegimes(db);
  const outcome = await db.transaction(async (tx) =>
    storeVersion(tx, {
      file: parsed.data,
      rows: await findRegimeRows(tx),
      by: options.user,
      now: options.now,
    }),
  );
  return { code: outcome.row.code, version: outcome.row.version, created: outcome.created };
}

/** GET /api/dossier-regimes: the current versions, or every version with `all`. */
export async function listRegimes(
  db: Db,
  options: { user: AuthUser; all: boolean },
): Promise<RegimeVersionDto[]> {
  assertCan(options.user, "regime.read");
  const registry = await loadRegimes(db);
  const counts = await countDossiersByRegime(db);
  const currentKeys = new Set(registry.current.map((r) => `${r.code}@${r.version}`));
  return registry.rows
    .filter((row) => options.all || currentKeys.has(`${row.code}@${row.version}`))
    .map((row) => ({
      id: row.id,
      code: row.code,
      version: row.version,
      kind: row.kind as DossierKind,
      name: (row.definition as RegimeFile).name,
      validFrom: row.validFrom,
      validTo: row.validTo,
      current: currentKeys.has(`${row.code}@${row.version}`),
      importedAt: row.importedAt.toISOString(),
      importedBy: row.importedBy,
      dossiers: counts.find((c) => c.code === row.code && c.version === row.version)?.n ?? 0,
      regime: toConfig(row),
    }));
}
