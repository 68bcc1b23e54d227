import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchMe, logout, meQueryKey } from "./auth-api.ts";

export function useCurrentUser() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    retry: 1,
  });
}

/** Ends the session and forgets every cached answer, which belonged to that user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
