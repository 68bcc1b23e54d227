// What the server uses of the tasks feature; everything else stays inside the feature.
export { tasksRoutes } from "./tasks.routes.ts";
