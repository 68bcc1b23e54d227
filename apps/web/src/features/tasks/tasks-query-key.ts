/** The key of the user's waiting work; without the schemas, so the first script can name it. */
export const tasksQueryKey = ["me", "tasks"] as const;
