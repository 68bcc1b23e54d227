import { myTasksResponseSchema } from "@ntm/contracts";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../lib/api-client.ts";
import { tasksQueryKey } from "./tasks-query-key.ts";

export { tasksQueryKey };

export const fetchMyTasks = (signal?: AbortSignal) =>
  apiRequest("/api/me/tasks", { schema: myTasksResponseSchema, signal });

/** What waits for the signed-in user; the home page and the header's counter share it. */
export function useMyTasks() {
  return useQuery({
    queryKey: tasksQueryKey,
    queryFn: ({ signal }) => fetchMyTasks(signal),
    staleTime: 60_000,
  });
}
