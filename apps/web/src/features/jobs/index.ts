// What the app shell uses of the background jobs page.
export { jobsEn, jobsVi } from "./jobs-messages.ts";
