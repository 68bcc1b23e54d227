// What the app shell uses of the background jobs page.
export { jobsEn, jobsVi } from "./jobs-messages.ts";
export { backgroundImportBytes, followJob, uploadImportInBackground } from "./jobs-api.ts";
export { resultFileUrl } from "./job-view.ts";
export { ConsolidatedReportButton } from "./consolidated-report-button.tsx";
