// What other features, the server and the command line use of periodic reports and the import.
export { reportsRoutes } from "./reports.routes.ts";
export { importRoutes } from "./import.routes.ts";
export { openReportPeriod } from "./open-report-period.ts";
export { openDuePeriods } from "./open-due-periods.ts";
export { sendReminderMails } from "./reminder-mails.service.ts";
export { importValues, type ImportProgress } from "./import-values.service.ts";
export { exportValues, buildTemplate } from "./excel-files.service.ts";
export { uploadLimits } from "./read-sheet.ts";
export {
  checkConsolidation,
  consolidatedFile,
  mayConsolidate,
  type ConsolidatedFormat,
} from "./consolidation.service.ts";
