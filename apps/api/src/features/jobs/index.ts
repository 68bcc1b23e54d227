// What the server and the command line use of background jobs.
export { jobsRoutes } from "./jobs.routes.ts";
export { startOcopImport, startValueImport } from "./jobs.service.ts";
export { createJobQueue, scheduleReminderMails, scheduleStorageSweep } from "./job-runtime.ts";
export { createInProcessQueue, type InProcessQueue } from "./in-process-queue.ts";
export { jobHandlers } from "./job-handlers.ts";
export type { JobQueue } from "./job-queue.ts";
