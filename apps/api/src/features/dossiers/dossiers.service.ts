import type { Db, DbOrTx } from "@ntm/db";
import {
  availableActions,
  currentDue,
  decide,
  districtRevocationFlag,
  endOfYear,
  openDossier,
  recognitionConditions,
  revocationFlag,
  revocationKeyCriteria,
  roleNames,
  stepDueDates,
  transition,
  type AssessmentResult,
  type DossierAction,
  type DossierActor,
  type DossierSnapshot,
  type DossierState,
  type IndicatorStatus,
  type RegimeConfig,
  type RequestedLevel,
  type RevocationFlag,
  type StepCode,
} from "@ntm/domain";
import {
  stepDataSchemas,
  type BatchDto,
  type CreateDossierInput,
  type DossierDetailDto,
  type DossierSummaryDto,
  type InboxItemDto,
  type RecognitionHistoryDto,
  type WatchResponse,
  type WatchRowDto,
} from "@ntm/contracts";
import { AppError, forbidden, invalid, notFound } from "../../http/app-error.ts";
import { actorOf, type AuthUser } from "../auth/auth-user.ts";
import { recordAudit } from "../../shared/audit.ts";
import { evaluateUnit } from "../assessments/evaluation.service.ts";
import { findStoredResults } from "../assessments/assessments.repository.ts";
import { selectSetFor } from "../catalog/set-selection.ts";
import { findDescendantsOn, findLatestUnit, findPathOn } from "../units/units.repository.ts";
import * as clock from "../../shared/clock.ts";
import { requireUnitAccess } from "../units/units.service.ts";
import {
  endRecognition,
  findBatch,
  findBatches,
  findDossier,
  findDossierDocuments,
  findDossierEvents,
  findDossiers,
  findOpenDossier,
  findOpenRecognition,
  findRecognisedOn,
  findRecognitionHistory,
  findStoredCriteria,
  findUsersToNotify,
  insertBatch,
  insertDossier,
  insertDossierEvents,
  insertRecognition,
  lockDossier,
  updateDossierState,
  type BatchRow,
  type DossierRow,
  type RecognitionRow,
} from "./dossiers.repository.ts";
import type { MailConfig } from "../../shared/config.ts";
import { queueMail } from "../../shared/mail/index.ts";
import { lineageOf } from "./merger.service.ts";
import { loadRegimes, type RegimeRegistry } from "./dossier-regimes.service.ts";
import { publicHolidays } from "../../shared/holidays.ts";

/** The regime version a dossier was filed under. */
function regimeOf(registry: RegimeRegistry, row: DossierRow): RegimeConfig {
  return registry.get(row.regimeCode, row.regimeVersion);
}

const dossierNotFound = (id: number) =>
  notFound(`Không tìm thấy hồ sơ số ${id}.`, `Dossier ${id} not found.`);

function toBatchDto(row: BatchRow): BatchDto {
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    name: row.name,
    year: row.year,
    deadline: row.deadline,
  };
}

export function toHistoryDto(row: RecognitionRow): RecognitionHistoryDto {
  return {
    id: row.id,
    unitCode: row.unitCode,
    level: row.level,
    year: row.year,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    dossierId: row.dossierId,
    endedOn: row.endedOn,
    endReason: row.endReason,
    revokedByDecision: row.revokedByDecision,
    signer: row.signer,
    basis: row.basis,
  };
}

function dossierActor(user: AuthUser): DossierActor {
  return {
    role: user.role,
    username: user.username,
    departmentName: user.departmentName,
    criteria: user.criteria,
  };
}

function summarise(
  registry: RegimeRegistry,
  row: DossierRow,
  unitName: string,
  batch: BatchRow | undefined,
  today: string,
): DossierSummaryDto {
  const regime = regimeOf(registry, row);
  const step = regime.steps[row.state.currentStep] ?? regime.steps[0];
  const due = batch ? currentDue(row.state, regime, batch.deadline, today, publicHolidays()) : null;
  return {
    id: row.id,
    kind: row.state.kind,
    unitCode: row.unitCode,
    unitName,
    year: row.year,
    requestedLevel: row.requestedLevel,
    status: row.state.status,
    currentStep: step?.code as StepCode,
    currentStepName: step?.name ?? "",
    actingRole: step ? roleNames[step.actingRole] : "",
    round: row.state.round,
    batch: batch ? toBatchDto(batch) : null,
    due: due?.due ?? null,
    overdue: due?.overdue ?? false,
    demo: row.demo,
  };
}

async function unitNames(db: DbOrTx, codes: string[]) {
  const names = new Map<string, string>();
  for (const code of new Set(codes)) {
    names.set(code, (await findLatestUnit(db, code))?.name ?? code);
  }
  return names;
}

async function summariseMany(db: Db, rows: DossierRow[], now: Date) {
  const names = await unitNames(
    db,
    rows.map((row) => row.unitCode),
  );
  const batches = new Map((await findBatches(db)).map((batch) => [batch.id, batch]));
  const today = clock.today(now);
  const registry = await loadRegimes(db);
  return rows.map((row) =>
    summarise(
      registry,
      row,
      names.get(row.unitCode) ?? row.unitCode,
      row.batchId ? batches.get(row.batchId) : undefined,
      today,
    ),
  );
}

/** Codes of the units a user may see: the scope unit and everything below it. */
async function scopeCodes(db: DbOrTx, user: AuthUser, asOf: string) {
  const below = await findDescendantsOn(db, user.unitCode, asOf);
  return [user.unitCode, ...below.map((unit) => unit.code)];
}

async function requireDossierAccess(db: DbOrTx, user: AuthUser, row: DossierRow) {
  return requireUnitAccess(db, {
    user,
    code: row.unitCode,
    asOf: endOfYear(row.year),
    action: "unit.read",
  });
}

/* ---------- batches ---------- */

export async function listBatches(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<BatchDto[]> {
  const { user } = options;
  const path = await findPathOn(db, user.unitCode, clock.today(options.now));
  const province = path.find((step) => step.level === "province")?.code ?? user.unitCode;
  return (await findBatches(db, [province])).map(toBatchDto);
}

export async function createBatch(
  db: Db,
  options: {
    user: AuthUser;
    input: { provinceCode: string; name: string; year: number; deadline: string };
  },
): Promise<BatchDto> {
  const { user, input } = options;
  if (user.role !== "coordination_office" && user.role !== "province_admin") {
    throw forbidden("Chỉ Văn phòng điều phối hoặc quản trị tỉnh được tạo đợt xét công nhận.");
  }
  await requireUnitAccess(db, {
    user,
    code: input.provinceCode,
    asOf: endOfYear(input.year),
    action: "assessment.write",
  });
  return db.transaction(async (tx) => {
    const batch = await insertBatch(tx, input);
    await recordAudit(tx, {
      kind: "dossier_batch.create",
      by: user,
      key: String(batch.id),
      unitCode: input.provinceCode,
      new: input,
    });
    return toBatchDto(batch);
  });
}

/* ---------- snapshot ---------- */

/** Status of each criterion at a level, falling back to the level it inherits from. */
export function criterionStatusAt(result: AssessmentResult, level: RequestedLevel) {
  const order = result.levels.map((item) => item.level);
  const upTo = order.slice(0, order.indexOf(level) + 1).reverse();
  return result.criteria.map((criterion) => {
    const found = upTo
      .map((code) => criterion.byLevel[code]?.status)
      .find((status) => status !== undefined);
    return {
      code: criterion.code,
      name: criterion.name,
      status: (found ?? "missing") as IndicatorStatus,
    };
  });
}

export function snapshotOf(
  result: AssessmentResult,
  level: RequestedLevel,
  now: Date,
): DossierSnapshot {
  const criteria = criterionStatusAt(result, level);
  return {
    setCode: result.setCode,
    setVersion: result.setVersion,
    year: result.year,
    criteriaMet: criteria.filter((criterion) => criterion.status === "met").length,
    criteriaTotal: criteria.length,
    levelReached: (result.level as RequestedLevel | null) ?? null,
    requestedLevelReached: result.levels.find((item) => item.level === level)?.reached ?? false,
    criteria,
    takenAt: now.toISOString(),
  };
}

/* ---------- create ---------- */

export async function createDossier(
  db: Db,
  options: { user: AuthUser; input: CreateDossierInput; now: Date; demo?: boolean },
): Promise<DossierDetailDto> {
  const { user, input, now } = options;
  const today = clock.today(now);
  const registry = await loadRegimes(db);
  const regime = registry.inForce(input.kind, today);
  if (!regime)
    throw invalid(
      `Chưa cấu hình quy trình cho ngày ${today}.`,
      `No regime configured for ${today}.`,
    );
  const { unit } = await requireUnitAccess(db, {
    user,
    code: input.unitCode,
    asOf: endOfYear(input.year),
    action: "assessment.write",
  });
  if (unit.level !== "commune" && unit.level !== "district") {
    throw invalid(
      "Chỉ xã hoặc huyện mới có hồ sơ xét công nhận.",
      "Only communes and districts file dossiers.",
    );
  }
  if (unit.level === "commune" && !unit.assessed) {
    throw invalid(
      `${unit.name} không tham gia đánh giá nông thôn mới.`,
      `${unit.name} is not assessed.`,
    );
  }
  const first = regime.steps[0];
  if (first && first.actingRole !== user.role) {
    throw forbidden(
      `Hồ sơ ${input.kind === "recognition" ? "xét công nhận" : "thu hồi"} do ${roleNames[first.actingRole]} lập; tài khoản của bạn là ${roleNames[user.role]}.`,
    );
  }
  const batch = await findBatch(db, input.batchId);
  if (!batch)
    throw notFound(`Không tìm thấy đợt ${input.batchId}.`, `Batch ${input.batchId} not found.`);
  if (unit.level === "district" && input.requestedLevel === "model") {
    throw invalid(
      "Huyện chỉ đề nghị mức nông thôn mới hoặc nâng cao.",
      "Districts can ask only for standard or advanced.",
    );
  }
  let flag: RevocationFlag | null = null;
  let requestedLevel = input.requestedLevel;
  if (input.kind === "revocation") {
    const recognised = await findOpenRecognition(db, unit.code);
    if (!recognised)
      throw invalid(
        `${unit.name} chưa được công nhận; không có gì để thu hồi.`,
        `${unit.name} is not recognised.`,
      );
    requestedLevel = recognised.level as RequestedLevel;
    flag = (await watchUnits(db, registry, [unit.code], input.year)).get(unit.code)?.flag ?? null;
    if (!flag) {
      throw new AppError({
        code: "CONFLICT",
        vi: `${unit.name} không thuộc diện xem xét thu hồi năm ${input.year} theo kết quả đánh giá đã lưu.`,
        en: `${unit.name} is not a revocation candidate for ${input.year}.`,
      });
    }
  }
  const evaluation = await evaluateUnit(db, { unitCode: unit.code, year: input.year });
  const snapshot = snapshotOf(evaluation.result, requestedLevel, now);
  const state = openDossier({
    regime,
    unitLevel: unit.level,
    requestedLevel,
    snapshot,
    revocationFlag: flag,
  });
  const id = await db.transaction(async (tx) => {
    if (await findOpenDossier(tx, unit.code, input.kind)) {
      throw new AppError({
        code: "CONFLICT",
        vi: `${unit.name} đã có hồ sơ đang xử lý.`,
        en: `${unit.name} already has an open dossier.`,
      });
    }
    const row = await insertDossier(tx, {
      kind: input.kind,
      unitCode: unit.code,
      unitLevel: unit.level,
      year: input.year,
      requestedLevel,
      batchId: batch.id,
      regimeCode: regime.code,
      regimeVersion: regime.version,
      status: state.status,
      currentStep: regime.steps[0]?.code ?? "",
      state,
      demo: options.demo ?? false,
      createdAt: now,
      createdBy: user.username,
      updatedAt: now,
    });
    await insertDossierEvents(tx, [
      {
        dossierId: row.id,
        at: now,
        username: user.username,
        role: user.role,
        type: "created",
        step: null,
        round: 1,
        payload: {
          regime: regime.code,
          regimeVersion: regime.version,
          snapshot: { criteriaMet: snapshot.criteriaMet, criteriaTotal: snapshot.criteriaTotal },
        },
      },
    ]);
    await recordAudit(tx, {
      kind: "dossier.create",
      by: user,
      key: String(row.id),
      unitCode: unit.code,
      new: { kind: input.kind, year: input.year, requestedLevel, batchId: batch.id },
    });
    return row.id;
  });
  return getDossier(db, { user, id, now });
}

/* ---------- read ---------- */

export async function listDossiers(
  db: Db,
  options: {
    user: AuthUser;
    unit?: string | undefined;
    batch?: number | undefined;
    status?: "open" | "decided" | undefined;
    now: Date;
  },
): Promise<DossierSummaryDto[]> {
  const { user } = options;
  const asOf = clock.today(options.now);
  let codes = await scopeCodes(db, user, asOf);
  if (options.unit) {
    await requireUnitAccess(db, { user, code: options.unit, asOf, action: "unit.read" });
    codes = [options.unit, ...(await findDescendantsOn(db, options.unit, asOf)).map((u) => u.code)];
  }
  const rows = await findDossiers(db, {
    unitCodes: codes,
    batchId: options.batch,
    status: options.status,
  });
  return summariseMany(db, rows, options.now);
}

export async function getDossier(
  db: Db,
  options: { user: AuthUser; id: number; now: Date },
): Promise<DossierDetailDto> {
  const row = await findDossier(db, options.id);
  if (!row) throw dossierNotFound(options.id);
  const { unit } = await requireDossierAccess(db, options.user, row);
  const registry = await loadRegimes(db);
  const regime = regimeOf(registry, row);
  const batch = row.batchId ? await findBatch(db, row.batchId) : undefined;
  const summary = summarise(registry, row, unit.name, batch, clock.today(options.now));
  const current = await evaluateUnit(db, { unitCode: row.unitCode, year: row.year }).catch(
    () => null,
  );
  const nowStatuses = current ? criterionStatusAt(current.result, row.state.requestedLevel) : [];
  const snapshotDiff = row.state.snapshot.criteria
    .map((criterion) => ({
      criterionCode: criterion.code,
      name: criterion.name,
      atFiling: criterion.status,
      now: nowStatuses.find((c) => c.code === criterion.code)?.status ?? "missing",
    }))
    .filter((diff) => diff.atFiling !== diff.now);
  const actions = availableActions(row.state, regime, options.user);
  const confirmed = new Set(row.state.confirmations.map((c) => c.criterionCode));
  const confirmable = actions.confirm
    ? row.state.snapshot.criteria
        .filter((c) => !confirmed.has(c.code))
        .filter(
          (c) =>
            options.user.role === "coordination_office" ||
            options.user.criteria.includes(`${row.state.snapshot.setCode}:${c.code}`),
        )
        .map((c) => c.code)
    : [];
  const events = await findDossierEvents(db, row.id);
  const documents = await findDossierDocuments(db, row.id);
  return {
    ...summary,
    regime,
    state: row.state,
    dueDates: batch ? stepDueDates(row.state, regime, batch.deadline, publicHolidays()) : [],
    conditions: row.state.kind === "recognition" ? recognitionConditions(row.state, regime) : [],
    snapshotDiff,
    events: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      username: event.username,
      role: event.role,
      type: event.type,
      step: event.step,
      round: event.round,
      payload: event.payload,
    })),
    documents: documents.map((document) => ({
      id: document.id,
      stepCode: document.stepCode,
      fileName: document.fileName,
      mimeType: document.mimeType,
      size: document.size,
      uploadedBy: document.uploadedBy,
      uploadedAt: document.uploadedAt.toISOString(),
    })),
    actions: { ...actions, confirm: actions.confirm && confirmable.length > 0, confirmable },
    history: (await findRecognitionHistory(db, [row.unitCode])).map(toHistoryDto),
    lineage: await lineageOf(db, row.unitCode),
  };
}

export async function getRecognitionHistory(
  db: Db,
  options: { user: AuthUser; code: string; now: Date },
) {
  await requireUnitAccess(db, {
    user: options.user,
    code: options.code,
    asOf: clock.today(options.now),
    action: "unit.read",
  });
  return (await findRecognitionHistory(db, [options.code])).map(toHistoryDto);
}

/* ---------- act ---------- */

function refusal(reason: string, status: "FORBIDDEN" | "CONFLICT") {
  return new AppError({
    code: status,
    vi: reason,
    en:
      status === "FORBIDDEN"
        ? "Your role cannot take this action now."
        : "The dossier is not in a state that allows this action.",
  });
}

/**
 * Applies one workflow action in one transaction: lock, domain transition, state, events, audit,
 * and the recognised-level history on a decision. A refusal changes nothing.
 */
export async function act(
  db: Db,
  options: {
    user: AuthUser;
    id: number;
    action: DossierAction;
    now: Date;
    mail?: MailConfig | null;
  },
): Promise<DossierDetailDto> {
  const { user, now } = options;
  const registry = await loadRegimes(db);
  await db.transaction(async (tx) => {
    const row = await lockDossier(tx, options.id);
    if (!row) throw dossierNotFound(options.id);
    const { path } = await requireDossierAccess(tx, user, row);
    const may = decide(actorOf(user), "dossier.act", {
      unitCode: row.unitCode,
      path: path.map((p) => p.code),
    });
    if (!may.allowed) throw forbidden(may.reason);
    const regime = regimeOf(registry, row);
    let action = options.action;
    if (action.type === "confirm" && user.role === "department") {
      const foreign = action.criteria.find(
        (code) => !user.criteria.includes(`${row.state.snapshot.setCode}:${code}`),
      );
      if (foreign) throw forbidden(`Tiêu chí ${foreign} không thuộc sở, ngành của bạn phụ trách.`);
    }
    if (action.type === "complete") {
      const parsed = stepDataSchemas[action.step].safeParse(action.data);
      if (!parsed.success) {
        throw invalid(
          "Dữ liệu của bước chưa hợp lệ.",
          "The step data is not valid.",
          parsed.error.issues.map((issue) => ({
            path: issue.path.join("."),
            message: issue.message,
          })),
        );
      }
      action = { ...action, data: parsed.data as typeof action.data };
    }
    const result = transition(
      row.state,
      regime,
      action,
      dossierActor(user),
      clock.localDateTime(now),
    );
    if (!result.ok) {
      const step =
        action.type === "complete"
          ? regime.steps.find((s) => s.code === action.step)
          : regime.steps[row.state.currentStep];
      const wrongRole =
        action.type === "confirm"
          ? !["department", "coordination_office"].includes(user.role)
          : step !== undefined && step.actingRole !== user.role;
      throw refusal(result.reason, wrongRole ? "FORBIDDEN" : "CONFLICT");
    }
    const state = result.state;
    const currentStep = regime.steps[state.currentStep]?.code ?? "";
    await updateDossierState(tx, row.id, {
      state,
      status: state.status,
      currentStep,
      version: row.version + 1,
      updatedAt: now,
    });
    await insertDossierEvents(
      tx,
      result.events.map((event) => ({
        dossierId: row.id,
        at: now,
        username: user.username,
        role: user.role,
        type: event.type,
        step: "step" in event ? event.step : "fromStep" in event ? event.fromStep : null,
        round: row.state.round,
        payload:
          event.type === "step_completed" && action.type === "complete"
            ? { data: action.data }
            : event,
      })),
    );
    for (const event of result.events) {
      if (event.type === "recognised") {
        const open = await findOpenRecognition(tx, row.unitCode);
        if (open)
          await endRecognition(tx, open.id, {
            endedOn: event.decisionDate,
            endReason: "superseded",
          });
        await insertRecognition(tx, {
          unitCode: row.unitCode,
          level: row.state.requestedLevel,
          year: row.year,
          decisionNumber: event.decisionNumber,
          decisionDate: event.decisionDate,
          dossierId: row.id,
          demo: row.demo,
        });
      }
      if (event.type === "revoked") {
        const open = await findOpenRecognition(tx, row.unitCode);
        if (open) {
          await endRecognition(tx, open.id, {
            endedOn: event.decisionDate,
            endReason: "revoked",
            revokedByDecision: event.decisionNumber,
            revocationDossierId: row.id,
          });
        }
      }
    }
    await recordAudit(tx, {
      kind: `dossier.${action.type}`,
      by: user,
      key: String(row.id),
      unitCode: row.unitCode,
      old: { step: row.currentStep, status: row.status, round: row.state.round },
      new: {
        step: currentStep,
        status: state.status,
        round: state.round,
        events: result.events.map((e) => e.type),
      },
    });
    const scope = path.map((p) => p.code);
    await notifyNextActors(tx, options.mail, { row, state, regime, path: scope }, now);
  });
  return getDossier(db, { user, id: options.id, now });
}

/**
 * Queues an e-mail to the accounts that must act next, in the transaction of the step (when SMTP
 * is configured); the inbox shows the work either way.
 */
async function notifyNextActors(
  tx: DbOrTx,
  mail: MailConfig | null | undefined,
  dossier: { row: DossierRow; state: DossierState; regime: RegimeConfig; path: string[] },
  now: Date,
) {
  const { row, state, regime, path } = dossier;
  if (!mail || state.status === "decided") return;
  const step = regime.steps[state.currentStep];
  if (!step) return;
  const users = await findUsersToNotify(tx, step.actingRole, path);
  const to = users.map((u) => u.email).filter((email): email is string => Boolean(email));
  const unit = (await findLatestUnit(tx, row.unitCode))?.name ?? row.unitCode;
  await queueMail(
    tx,
    mail,
    {
      to,
      subject: `[NTM] Hồ sơ ${unit} chờ bước: ${step.name}`,
      text: `Hồ sơ số ${row.id} (${unit}, năm ${row.year}) đang chờ bước "${step.name}" (vòng ${state.round}).\nMở hồ sơ: ${mail.linkBase}/dossiers/${row.id}`,
    },
    now,
  );
}

/* ---------- inbox and deadlines ---------- */

export async function getInbox(
  db: Db,
  options: { user: AuthUser; now: Date },
): Promise<InboxItemDto[]> {
  const { user } = options;
  const codes = await scopeCodes(db, user, clock.today(options.now));
  const rows = await findDossiers(db, { unitCodes: codes, status: "open" });
  const registry = await loadRegimes(db);
  const mine = rows.filter((row) => {
    const regime = regimeOf(registry, row);
    const actions = availableActions(row.state, regime, user);
    if (actions.complete) return true;
    if (!actions.confirm) return false;
    const confirmed = new Set(row.state.confirmations.map((c) => c.criterionCode));
    return row.state.snapshot.criteria.some(
      (c) =>
        !confirmed.has(c.code) &&
        (user.role === "coordination_office" ||
          user.criteria.includes(`${row.state.snapshot.setCode}:${c.code}`)),
    );
  });
  const summaries = await summariseMany(db, mine, options.now);
  return summaries.map((summary) => ({
    ...summary,
    why:
      summary.currentStep === "appraisal" && user.role === "department"
        ? "Xác nhận tiêu chí do sở, ngành phụ trách"
        : `Chờ bước: ${summary.currentStepName}`,
  }));
}

export async function getOverdue(db: Db, options: { user: AuthUser; now: Date }) {
  if (!["coordination_office", "province_admin", "district"].includes(options.user.role)) {
    throw forbidden("Danh sách hồ sơ quá hạn dành cho Văn phòng điều phối và cấp huyện.");
  }
  const all = await listDossiers(db, { user: options.user, status: "open", now: options.now });
  return all.filter((row) => row.overdue);
}

/* ---------- revocation watch ---------- */

/** The revocation thresholds of the revocation regime in force at the end of the year. */
function revocationRules(registry: RegimeRegistry, year: number) {
  const regime =
    registry.inForce("revocation", endOfYear(year)) ??
    registry.current.find((item) => item.kind === "revocation");
  if (!regime) {
    throw new AppError({
      code: "INTERNAL",
      vi: "Chưa cấu hình quy trình thu hồi.",
      en: "No revocation regime configured.",
    });
  }
  return regime.rules.revocation;
}

/** Watch results of communes for a year, read from stored results: nothing is re-evaluated. */
async function watchUnits(db: DbOrTx, registry: RegimeRegistry, codes: string[], year: number) {
  const rules = revocationRules(registry, year);
  const recognised = await findRecognisedOn(db, codes, endOfYear(year));
  const recognisedCodes = recognised.map((row) => row.unitCode);
  const stored = await findStoredResults(db, recognisedCodes, year);
  const criteria = await findStoredCriteria(db, recognisedCodes, year);
  const result = new Map<
    string,
    {
      recognition: RecognitionRow;
      flag: RevocationFlag | null;
      criteriaMet: number | null;
      criteriaTotal: number | null;
    }
  >();
  const setNames = new Map<number, { code: string; names: Map<string, string> }>();
  for (const row of recognised) {
    const stats = stored.find((s) => s.unitCode === row.unitCode);
    let flag: RevocationFlag | null = null;
    if (stats) {
      if (!setNames.has(stats.setId)) {
        const set = await selectSetFor(db, { year, provinceCode: null, setId: stats.setId });
        setNames.set(stats.setId, {
          code: set.code,
          names: new Map(set.definition.criteria.map((c) => [c.code, c.name])),
        });
      }
      const set = setNames.get(stats.setId) as { code: string; names: Map<string, string> };
      flag = revocationFlag({
        criteria: criteria
          .filter((c) => c.unitCode === row.unitCode)
          .map((c) => ({
            code: c.criterionCode,
            name: set.names.get(c.criterionCode) ?? c.criterionCode,
            status: c.status as IndicatorStatus,
          })),
        keyCriteria: revocationKeyCriteria[set.code] ?? [],
        rules,
      });
    }
    result.set(row.unitCode, {
      recognition: row,
      flag,
      criteriaMet: stats?.criteriaMet ?? null,
      criteriaTotal: stats?.criteriaTotal ?? null,
    });
  }
  return result;
}

export async function getRevocationWatch(
  db: Db,
  options: { user: AuthUser; unit: string; year: number },
): Promise<WatchResponse> {
  const asOf = endOfYear(options.year);
  const { unit, path } = await requireUnitAccess(db, {
    user: options.user,
    code: options.unit,
    asOf,
    action: "unit.read",
  });
  const communes =
    unit.level === "commune"
      ? [{ code: unit.code, name: unit.name }]
      : (await findDescendantsOn(db, unit.code, asOf)).filter(
          (u) => u.level === "commune" && u.assessed,
        );
  const names = new Map(communes.map((c) => [c.code, c.name]));
  const registry = await loadRegimes(db);
  const watched = await watchUnits(
    db,
    registry,
    communes.map((c) => c.code),
    options.year,
  );
  const rows: WatchRowDto[] = [...watched.entries()]
    .map(([code, item]) => ({
      unitCode: code,
      unitName: names.get(code) ?? code,
      recognisedLevel: item.recognition.level,
      decisionNumber: item.recognition.decisionNumber,
      flag: item.flag,
      criteriaMet: item.criteriaMet,
      criteriaTotal: item.criteriaTotal,
    }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, "vi"));
  const provinceCode = path.find((step) => step.level === "province")?.code ?? null;
  const set = await selectSetFor(db, { year: options.year, provinceCode }).catch(() => null);
  let district: WatchResponse["district"] = null;
  if (unit.level === "district") {
    const history = await findRecognitionHistory(
      db,
      communes.map((c) => c.code),
    );
    const revoked = new Set(
      history
        .filter((h) => h.endReason === "revoked" && h.endedOn && h.endedOn <= asOf)
        .map((h) => h.unitCode),
    );
    const recognisedNow = new Set(rows.map((r) => r.unitCode));
    district = {
      flag: districtRevocationFlag({
        communesRecognised: [...recognisedNow].filter((code) => !revoked.has(code)).length,
        communesRevoked: revoked.size,
        rules: revocationRules(registry, options.year),
      }),
    };
  }
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year: options.year,
    setCode: set?.code ?? null,
    keyCriteria: set ? (revocationKeyCriteria[set.code] ?? []) : [],
    communes: rows,
    candidates: rows.filter((row) => row.flag !== null),
    district,
  };
}

/** Records recognition decisions issued before the system was used (one transaction, audited). */
export async function importRecognitions(
  db: Db,
  options: {
    by: AuthUser;
    demo: boolean;
    rows: {
      unitCode: string;
      level: RequestedLevel;
      year: number;
      decisionNumber: string;
      decisionDate: string;
    }[];
  },
) {
  await db.transaction(async (tx) => {
    for (const row of options.rows) {
      await insertRecognition(tx, { ...row, demo: options.demo });
    }
    await recordAudit(tx, {
      kind: "recognition.import",
      by: options.by,
      key: "import",
      unitCode: null,
      new: { rows: options.rows.length },
    });
  });
}
