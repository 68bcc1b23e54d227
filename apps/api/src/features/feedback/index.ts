// What the server and the other features use of residents' feedback.
export { feedbackRoutes } from "./feedback.routes.ts";
export { pendingFeedbackTasks } from "./feedback-tasks.ts";
