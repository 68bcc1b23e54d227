/** Public API of the tasks feature; the home page itself is loaded lazily from home-page.tsx. */
export { TaskCounter } from "./task-counter.tsx";
export { tasksQueryKey } from "./tasks-api.ts";
