// The services the command line shares with the HTTP API.
export { buildServer } from "./http/build-server.ts";
export { startServer } from "./http/start-server.ts";
export { AppError } from "./http/app-error.ts";
export {
  ConfigError,
  databaseOptions,
  loadConfig,
  type Config,
  type MailConfig,
} from "./shared/config.ts";
export { systemUser, type AuthUser } from "./features/auth/auth-user.ts";
export { importUnits } from "./features/units/units.service.ts";
export { importReform } from "./features/units/reform-import.service.ts";
export { importCatalog, getSets } from "./features/catalog/catalog.service.ts";
export { selectSetFor } from "./features/catalog/set-selection.ts";
export { createUser } from "./features/users/users.service.ts";
export { endSessions } from "./features/users/end-sessions.ts";
export { resetPassword } from "./features/users/reset-password.ts";
export { setAccountActive } from "./features/users/set-account-active.ts";
export { insertDepartment } from "./features/users/users.repository.ts";
export { evaluateUnit } from "./features/assessments/evaluation.service.ts";
export {
  evaluateMany,
  reevaluate,
  type BulkEvaluationProgress,
} from "./features/assessments/bulk-evaluation.service.ts";
export { writeValuesBulk, type BulkValueRow } from "./features/assessments/bulk-values.service.ts";
export {
  demoAccountsNotice,
  findDemoInfo,
  saveDemoInfo,
  type DemoInfo,
} from "./features/demo/demo-accounts.ts";
export {
  act as actOnDossier,
  createBatch as createDossierBatch,
  createDossier,
  importRecognitions,
} from "./features/dossiers/index.ts";
export {
  buildTemplate,
  exportValues,
  importValues,
  openDuePeriods,
  openReportPeriod,
  sendReminderMails,
  type ImportProgress,
} from "./features/reports/index.ts";
export { today } from "./shared/clock.ts";
export { analyzeIfLarge } from "./shared/planner-statistics.repository.ts";
export { useHolidaysFile } from "./shared/holidays.ts";
export {
  createFileStorage,
  defaultGraceSeconds,
  sweepOrphanFiles,
  type OrphanSweep,
} from "./shared/storage/index.ts";
export { sendOutbox, type OutboxRun } from "./shared/mail/index.ts";
export { importBoundaries } from "./features/targets/maps.service.ts";
export { importRegime, listRegimes } from "./features/dossiers/index.ts";
export {
  registerProduct,
  resyncOcopRegistry,
  revokeProduct,
  sendOcopNotices,
} from "./features/ocop/index.ts";
export { setPublication } from "./features/public/index.ts";
export {
  actOnVillageRecognition,
  createVillage,
  createVillages,
  getVillageScorecard,
  writeFirstVillageValues,
  writeVillageValues,
} from "./features/villages/index.ts";
export { recordAudit, type AuditActor, type AuditEvent, type AuditKind } from "./shared/audit.ts";
export {
  describeAuditBreak,
  verifyAuditChain,
  type AuditChainBreak,
  type AuditChainReport,
} from "./features/audit/index.ts";
