import type { Db } from "@ntm/db";
import {
  describeRequirement,
  endOfYear,
  evaluateTarget,
  targetShare,
  targetStatuses,
  type LevelCode,
  type TargetCommune,
  type TargetDefinition,
  type TargetInput as TargetEvaluationInput,
  type TargetKind,
  type TargetMilestone,
  type TargetProgress,
} from "@ntm/domain";
import type {
  TargetDto,
  TargetInput,
  TargetWithProgress,
  UnitTargetsResponse,
} from "@ntm/contracts";
import { AppError, notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import { ocopTargetFigures } from "../ocop/index.ts";
import { findUnitResource } from "../units/index.ts";
import { villageTargetFigures } from "../villages/index.ts";
import {
  findTarget,
  findTargetsOfUnits,
  insertTarget,
  updateTarget as updateTargetRow,
  type TargetRow,
} from "./targets.repository.ts";
import {
  loadCommunesOn,
  loadTargetCommunes,
  loadUnitScope,
  setInfoFor,
  type ScopeCommune,
  type UnitScope,
} from "./target-scope.ts";

export function definitionOf(row: TargetRow): TargetDefinition {
  return {
    kind: row.kind as TargetKind,
    baselineYear: row.baselineYear,
    deadlineYear: row.deadlineYear,
    value: row.value,
    level: row.level as LevelCode | null,
    measure: (row.measure as "count" | "share" | null) ?? "count",
    perYear: row.perYear,
    excludeRecognised: row.excludeRecognised,
    valueUnit: row.valueUnit,
    entered: row.entered as { year: number; value: number }[],
    milestones: row.milestones as TargetMilestone[],
    othersGainPerYear: row.othersGainPerYear,
    minStars: row.minStars,
  };
}

function toDto(row: TargetRow, unitName: string): TargetDto {
  return {
    id: row.id,
    unitCode: row.unitCode,
    unitName,
    name: row.name,
    kind: row.kind as TargetKind,
    baselineYear: row.baselineYear,
    deadlineYear: row.deadlineYear,
    value: row.value,
    level: row.level as LevelCode | null,
    measure: row.measure as "count" | "share" | null,
    perYear: row.perYear,
    excludeRecognised: row.excludeRecognised,
    valueUnit: row.valueUnit,
    communeCodes: row.communeCodes,
    entered: row.entered as { year: number; value: number }[],
    source: row.source,
    milestones: row.milestones as TargetMilestone[],
    othersGainPerYear: row.othersGainPerYear,
    minStars: row.minStars,
    demo: row.demo,
    version: row.version,
    requirement: describeRequirement({ target: definitionOf(row) }),
  };
}

/** The communes a target speaks of: its named set, or every assessed commune below its unit. */
function communesOf(row: TargetRow, scope: readonly ScopeCommune[]): ScopeCommune[] {
  if (row.communeCodes) {
    const wanted = new Set(row.communeCodes);
    return scope.filter((c) => wanted.has(c.code));
  }
  return scope.filter((c) => c.ancestors.has(row.unitCode) || c.code === row.unitCode);
}

interface Evaluated {
  row: TargetRow;
  input: TargetEvaluationInput;
  progress: TargetProgress;
  /** The communes of the root unit in the hierarchy of the year the target's data are from. */
  tree: ScopeCommune[];
}

/**
 * Evaluates targets on the communes below a root unit as they were at the end of the year of the
 * data each target reads (its deadline, or the latest year with results before it): a target of
 * 2023 read in 2026 counts the communes of 2023, not those formed since. One read of results per
 * year of data.
 */
async function evaluateRows(
  db: Db,
  rows: TargetRow[],
  options: {
    root: { code: string; name: string; level: string };
    year: number;
    /** Years with stored results, oldest first. */
    resultYears: number[];
    provinceCode: string | null;
    provinceKeys: string[];
    known?: { year: number; communes: ScopeCommune[] };
  },
): Promise<Evaluated[]> {
  // A few communes already assessed in a later year must not leave a target of an earlier
  // deadline without data: it reads the latest year with results up to its deadline.
  const dataYearOf = (row: TargetRow) => {
    const last = Math.min(options.year, row.deadlineYear);
    // The OCOP registry has a figure for every year; communes' results play no part.
    if (row.kind === "ocopProducts") return last;
    return options.resultYears.filter((year) => year <= last).at(-1) ?? last;
  };
  const groups = new Map<number, TargetRow[]>();
  for (const row of rows)
    groups.set(dataYearOf(row), [...(groups.get(dataYearOf(row)) ?? []), row]);
  const done = new Map<TargetRow, Evaluated>();
  for (const [dataYear, group] of groups) {
    const { levels } = await setInfoFor(db, dataYear, options.provinceCode);
    const tree =
      options.known?.year === dataYear
        ? options.known.communes
        : (await loadCommunesOn(db, options.root, endOfYear(dataYear))).communes;
    const years = new Set<number>();
    for (const row of group) for (let y = row.baselineYear; y <= dataYear; y++) years.add(y);
    const loaded = await loadTargetCommunes(db, tree, [...years], [dataYear], options.provinceKeys);
    for (const row of group) {
      const input: TargetEvaluationInput = {
        target: await withVillageFigures(db, row, communesOf(row, tree), dataYear),
        communes: communesOf(row, tree)
          .map((c) => loaded.get(c.code))
          .filter((c): c is TargetCommune => c !== undefined),
        levels,
        year: dataYear,
      };
      const read =
        row.kind === "ocopProducts" ? await withOcopFigures(db, row, input, tree, dataYear) : input;
      done.set(row, { row, input: read, progress: evaluateTarget(read), tree });
    }
  }
  return rows.map((row) => done.get(row) as Evaluated);
}

/** A village target reads its figures from the village registry, year by year up to its data. */
async function withVillageFigures(
  db: Db,
  row: TargetRow,
  communes: readonly ScopeCommune[],
  dataYear: number,
): Promise<TargetDefinition> {
  const definition = definitionOf(row);
  if (definition.kind !== "villagesRecognised") return definition;
  const years: number[] = [];
  for (let year = row.baselineYear; year <= dataYear; year++) years.push(year);
  const entered = await villageTargetFigures(db, {
    communeCodes: communes.map((commune) => commune.code),
    years,
    share: definition.measure === "share",
  });
  return { ...definition, entered };
}

/**
 * An OCOP target reads the registry: the products of its unit (or its named communes) of enough
 * stars valid on 31/12 of each year, and those that do not count in the year judged.
 */
async function withOcopFigures(
  db: Db,
  row: TargetRow,
  input: TargetEvaluationInput,
  tree: readonly ScopeCommune[],
  dataYear: number,
): Promise<TargetEvaluationInput> {
  const years: number[] = [];
  for (let year = row.baselineYear; year <= dataYear; year++) years.push(year);
  const figures = await ocopTargetFigures(db, {
    unitCode: row.unitCode,
    communeCodes: row.communeCodes,
    minStars: row.minStars ?? 3,
    years,
    communeNames: new Map(tree.map((commune) => [commune.code, commune.name])),
  });
  return {
    ...input,
    target: { ...input.target, entered: figures.entered },
    ocopBehind: figures.behind,
  };
}

/** Progress of the targets of a unit and of the units below it. */
export async function progressOf(
  db: Db,
  rows: TargetRow[],
  scope: UnitScope,
): Promise<TargetWithProgress[]> {
  if (rows.length === 0) return [];
  const evaluated = await evaluateRows(db, rows, {
    root: scope.unit,
    year: scope.year,
    resultYears: scope.resultYears,
    provinceCode: scope.provinceCode,
    provinceKeys: scope.provinceKeys,
    known: { year: scope.treeYear, communes: scope.communes },
  });
  return evaluated.map(({ row, progress }) => ({
    target: toDto(row, scope.names.get(row.unitCode) ?? row.unitCode),
    progress,
  }));
}

/**
 * Targets of the units above the viewed one that name some of its communes (a province target
 * seen by a district), each judged on all its communes, with the viewed unit's share: its
 * communes in the target and those of them behind. Only the viewed unit's communes are listed.
 */
export async function progressFromAbove(db: Db, scope: UnitScope): Promise<TargetWithProgress[]> {
  if (scope.above.length === 0 || scope.unit.level === "province") return [];
  const rows = await findTargetsOfUnits(
    db,
    scope.above.map((unit) => unit.code),
    scope.provinceKeys,
  );
  if (rows.length === 0) return [];
  const result: TargetWithProgress[] = [];
  for (const owner of scope.above) {
    const own = rows.filter((row) => row.unitCode === owner.code);
    if (own.length === 0) continue;
    const evaluated = await evaluateRows(db, own, {
      root: owner,
      year: scope.year,
      resultYears: scope.resultYears,
      provinceCode: scope.provinceCode,
      provinceKeys: scope.provinceKeys,
    });
    for (const { row, input, progress, tree } of evaluated) {
      const codes = new Set(
        tree
          .filter((c) => c.ancestors.has(scope.unit.code) || c.code === scope.unit.code)
          .map((c) => c.code),
      );
      const { rule, ...share } = targetShare(input, progress, codes);
      if (share.communes === 0) continue;
      result.push({
        target: toDto(row, owner.name),
        progress: { ...progress, behind: share.behind, rule },
        share: { unitCode: scope.unit.code, unitName: scope.unit.name, ...share },
      });
    }
  }
  return result;
}

function unitCodesIn(scope: UnitScope): string[] {
  const codes = new Set<string>([scope.unit.code]);
  for (const c of scope.communes) for (const code of c.ancestors) codes.add(code);
  return [...codes];
}

/**
 * Targets of a unit and of the units below it, each with its progress, and the targets of the
 * units above it that name its communes (`fromAbove`, not counted in `counts`).
 */
export async function getUnitTargets(
  db: Db,
  options: { user: AuthUser; code: string; year: number | undefined; now: Date },
): Promise<UnitTargetsResponse> {
  const scope = await loadUnitScope(db, options);
  const rows = await findTargetsOfUnits(db, unitCodesIn(scope), scope.provinceKeys);
  const targets = await progressOf(db, rows, scope);
  const counts = Object.fromEntries(
    targetStatuses.map((s) => [s, 0]),
  ) as UnitTargetsResponse["counts"];
  for (const item of targets) counts[item.progress.status] += 1;
  return {
    unit: { code: scope.unit.code, name: scope.unit.name, level: scope.unit.level },
    year: scope.year,
    targets,
    fromAbove: await progressFromAbove(db, scope),
    counts,
  };
}

const targetNotFound = (id: number) =>
  notFound(`Không tìm thấy mục tiêu số ${id}.`, `Target ${id} not found.`);

export async function getTargetProgress(
  db: Db,
  options: { user: AuthUser; id: number; year: number | undefined; now: Date },
): Promise<TargetWithProgress> {
  const row = await findTarget(db, options.id);
  if (!row) throw targetNotFound(options.id);
  const scope = await loadUnitScope(db, { ...options, code: row.unitCode });
  const [result] = await progressOf(db, [row], scope);
  return result as TargetWithProgress;
}

export async function listTargets(
  db: Db,
  options: { user: AuthUser; code: string | undefined; now: Date },
): Promise<TargetDto[]> {
  const code = options.code ?? options.user.unitCode;
  const scope = await loadUnitScope(db, { ...options, code, year: undefined });
  const rows = await findTargetsOfUnits(db, unitCodesIn(scope), scope.provinceKeys);
  const names = scope.names;
  return rows.map((row) => toDto(row, names.get(row.unitCode) ?? row.unitCode));
}

async function requireTargetWrite(db: Db, user: AuthUser, unitCode: string, year: number) {
  const { unit, resource } = await findUnitResource(db, unitCode, endOfYear(year));
  assertCan(user, "target.write", resource);
  if (unit.level === "commune" || unit.level === "village") {
    throw new AppError({
      code: "VALIDATION_FAILED",
      vi: "Mục tiêu đặt cho tỉnh hoặc huyện; mục tiêu của một nhóm xã đặt ở đơn vị quản lý các xã đó.",
      en: "Targets belong to a province or district.",
    });
  }
  return unit;
}

function valuesOf(input: TargetInput, by: string, now: Date) {
  return {
    unitCode: input.unitCode,
    name: input.name,
    kind: input.kind,
    baselineYear: input.baselineYear,
    deadlineYear: input.deadlineYear,
    value: input.value,
    level: input.level,
    measure: input.measure,
    perYear: input.perYear,
    excludeRecognised: input.excludeRecognised,
    valueUnit: input.valueUnit,
    communeCodes: input.communeCodes,
    entered: input.entered,
    source: input.source,
    milestones: input.milestones,
    othersGainPerYear: input.othersGainPerYear,
    minStars: input.kind === "ocopProducts" ? (input.minStars ?? 3) : null,
    updatedBy: by,
    updatedAt: now,
  };
}

export async function createTarget(
  db: Db,
  options: { user: AuthUser; input: TargetInput; now: Date; demo?: boolean },
): Promise<TargetDto> {
  const unit = await requireTargetWrite(
    db,
    options.user,
    options.input.unitCode,
    options.input.deadlineYear,
  );
  return db.transaction(async (tx) => {
    const row = await insertTarget(tx, {
      ...valuesOf(options.input, options.user.username, options.now),
      demo: options.demo ?? false,
    });
    await recordAudit(tx, {
      kind: "target.create",
      by: options.user,
      key: String(row.id),
      unitCode: row.unitCode,
      new: options.input,
    });
    return toDto(row, unit.name);
  });
}

export async function updateTarget(
  db: Db,
  options: { user: AuthUser; id: number; version: number; input: TargetInput; now: Date },
): Promise<TargetDto> {
  const existing = await findTarget(db, options.id);
  if (!existing) throw targetNotFound(options.id);
  await requireTargetWrite(db, options.user, existing.unitCode, existing.deadlineYear);
  const unit = await requireTargetWrite(
    db,
    options.user,
    options.input.unitCode,
    options.input.deadlineYear,
  );
  return db.transaction(async (tx) => {
    const row = await updateTargetRow(
      tx,
      options.id,
      options.version,
      valuesOf(options.input, options.user.username, options.now),
      options.now,
    );
    if (!row) {
      throw new AppError({
        code: "VERSION_CONFLICT",
        vi: "Mục tiêu vừa được người khác sửa. Tải lại để xem bản mới nhất.",
        en: "The target was changed by someone else. Reload to see the latest version.",
      });
    }
    await recordAudit(tx, {
      kind: "target.update",
      by: options.user,
      key: String(row.id),
      unitCode: row.unitCode,
      old: existing,
      new: options.input,
    });
    return toDto(row, unit.name);
  });
}
