import type { Db, DbOrTx } from "@ntm/db";
import type { ImportReport } from "@ntm/contracts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit, type AuditEvent, type ValueState } from "../../shared/audit.ts";
import { analyzeIfLarge } from "../../shared/planner-statistics.repository.ts";
import type { AuthUser } from "../auth/index.ts";
import { evaluateMany } from "../assessments/index.ts";
import { checkSheet, type CheckSummary, type UnitCheck } from "./import-check.ts";
import { findResultsOf, type StoredResult } from "./import.repository.ts";
import {
  bumpStagedAssessments,
  compareStaged,
  createStaging,
  findStagedAssessments,
  findStagedChanges,
  holdStagedAssessments,
  stageValues,
  writeStagedValues,
  type StagedAssessment,
} from "./import-staging.repository.ts";
import { commandLineLimits, openSheet, type SheetLimits } from "./read-sheet.ts";

export interface ImportProgress {
  phase: "read" | "check" | "write" | "done";
  done: number;
  total: number;
}

export interface ImportOptions {
  user: AuthUser;
  fileName: string;
  content: Buffer;
  dryRun: boolean;
  now: Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Size, rows and columns read before the file is refused; the command line's by default. */
  limits?: SheetLimits;
}

/** Checked values staged per statement. */
const stageBatch = 10_000;
/** Commune-years audited per page (one audit row each). */
const auditPage = 500;

/** Ends the import's transaction without keeping anything: a dry run, or a file with errors. */
class Discarded extends Error {
  constructor(readonly report: ImportReport) {
    super("import discarded");
  }
}

/**
 * Checks every cell of an uploaded file and (unless it is a dry run or something is wrong)
 * writes all the values in one transaction, re-evaluates and reports what changed. A file with
 * any error writes nothing. The file is checked as it is read and its values are staged in the
 * database in batches, inside the transaction, so memory does not grow with the file's size;
 * the audit trail gets one row per commune-year with its changed values (ADR 0028).
 */
export async function importValues(db: Db, options: ImportOptions): Promise<ImportReport> {
  const { user, onProgress } = options;
  // Each unit and cell is checked below; an account that writes no values is refused at once.
  assertCan(user, "values.import");
  onProgress?.({ phase: "read", done: 0, total: 1 });
  const size = options.content.length;
  const source = await openSheet(options.fileName, options.content, {
    limits: options.limits ?? commandLineLimits,
    onProgress: (done, total) => onProgress?.({ phase: "read", done, total }),
  });
  // Values to check in all, estimated from the share of the file read so far.
  const expected = (done: number) => {
    const read = source.bytesRead();
    return read === 0 ? done : Math.max(done, Math.round((done * size) / read));
  };
  try {
    return await db.transaction(async (tx) => {
      await createStaging(tx);
      const summary = await checkSheet(source, {
        db: tx,
        user,
        batchSize: stageBatch,
        onValues: (values) => stageValues(tx, values),
        onChecked: (done) => onProgress?.({ phase: "check", done, total: expected(done) }),
      });
      const base = {
        dryRun: options.dryRun,
        format: summary.format,
        sheet: source.sheet,
        rows: summary.rows,
        values: summary.values,
        units: summary.units,
      };
      if (summary.errorCount > 0) {
        throw new Discarded({
          ...base,
          ok: false,
          valuesChanged: 0,
          errorCount: summary.errorCount,
          errors: summary.errors,
          changes: [],
        });
      }
      const stamp = { now: options.now, username: user.username };
      if (!options.dryRun) await holdStagedAssessments(tx, stamp);
      const fileYears = yearsOf(summary);
      await compareStaged(tx, fileYears);
      const assessments = (await findStagedAssessments(tx)).filter((row) => row.changed > 0);
      const valuesChanged = assessments.reduce((sum, row) => sum + row.changed, 0);
      const unitCodes = [...new Set(assessments.map((row) => row.unitCode))];
      const years = [...new Set(assessments.map((row) => row.year))].sort();
      const before = await findResultsOf(tx, unitCodes, years);
      let after: StoredResult[] = [];
      if (!options.dryRun && valuesChanged > 0) {
        onProgress?.({ phase: "write", done: 0, total: valuesChanged });
        await bumpStagedAssessments(tx, stamp);
        await writeStagedValues(tx, stamp, fileYears);
        // In the import's own transaction, a year that had no values is otherwise planned as empty
        // by the re-evaluation and the audit reads that follow (13 s instead of 2.5 s nationally).
        await analyzeIfLarge(tx, valuesChanged, ["assessment_values", "assessments"], {
          embeddedOnly: false,
        });
        await evaluateMany(tx, { years, unitCodes, now: options.now });
        after = await findResultsOf(tx, unitCodes, years);
        // Last, so the audit chain stays locked only until the commit.
        await auditChanges(tx, user, options.fileName);
      }
      onProgress?.({ phase: "done", done: summary.rows, total: summary.rows });
      const report: ImportReport = {
        ...base,
        ok: true,
        valuesChanged,
        errorCount: 0,
        errors: [],
        changes: changesOf(assessments, summary, before, after),
      };
      if (options.dryRun) throw new Discarded(report);
      return report;
    });
  } catch (error) {
    if (error instanceof Discarded) return error.report;
    throw error;
  }
}

/** The years of the file's commune-years that may receive values. */
function yearsOf(summary: CheckSummary): number[] {
  const years = new Set<number>();
  for (const [key, check] of summary.checks) {
    if (typeof check === "object") years.add(Number(key.slice(key.lastIndexOf("/") + 1)));
  }
  return [...years];
}

/** Each changed commune-year with its criteria met and level before and after. */
function changesOf(
  assessments: StagedAssessment[],
  summary: CheckSummary,
  before: StoredResult[],
  after: StoredResult[],
): ImportReport["changes"] {
  const byKey = (list: StoredResult[]) =>
    new Map(list.map((result) => [`${result.unitCode}/${result.year}`, result]));
  const [oldResults, newResults] = [byKey(before), byKey(after)];
  return assessments.map(({ unitCode, year, changed }) => {
    const key = `${unitCode}/${year}`;
    const old = oldResults.get(key);
    const now = newResults.get(key);
    return {
      unitCode,
      unitName: (summary.checks.get(key) as UnitCheck).unit.name,
      year,
      valuesChanged: changed,
      criteriaMetBefore: old?.criteriaMet ?? null,
      criteriaMetAfter: now?.criteriaMet ?? null,
      criteriaTotal: now?.criteriaTotal ?? old?.criteriaTotal ?? null,
      levelBefore: old?.level ?? null,
      levelAfter: now?.level ?? null,
    };
  });
}

/** One audit row per commune-year: each changed value with what it replaced. */
async function auditChanges(tx: DbOrTx, by: AuthUser, source: string) {
  for (let after = { unitCode: "", year: 0 }; ;) {
    const page = await findStagedChanges(tx, after, auditPage);
    if (page.length === 0) return;
    await recordAudit(
      tx,
      page.map(({ unitCode, year, changes }): AuditEvent => {
        const old: Record<string, ValueState | null> = {};
        const values: Record<string, ValueState> = {};
        for (const [indicator, num, bool, note, existed, oldNum, oldBool, oldNote] of changes) {
          values[indicator] = { value: bool ?? num, note };
          old[indicator] = existed ? { value: oldBool ?? oldNum, note: oldNote } : null;
        }
        return {
          kind: "assessment.import",
          by,
          key: `${unitCode}/${year}`,
          unitCode,
          old,
          new: { source, values },
        };
      }),
    );
    const last = page.at(-1) as (typeof page)[number];
    after = { unitCode: last.unitCode, year: last.year };
  }
}
