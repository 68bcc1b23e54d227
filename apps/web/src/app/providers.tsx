import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { meQueryKey } from "../features/auth/index.ts";
import { markSessionExpired, markSynced } from "../features/offline/sync-store.ts";
import { tasksQueryKey } from "../features/tasks/tasks-query-key.ts";
import { isApiError } from "../lib/api-client.ts";
import { I18nProvider, useI18n } from "../lib/i18n/i18n-context.tsx";
import { YearProvider } from "../lib/year-context.tsx";

function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended: a signed-in user gets the login dialog over the page
  // (what was typed stays and is sent after), anyone else the login page.
  const onError = (error: unknown) => {
    if (!isApiError(error) || error.status !== 401) return;
    if (client.getQueryData(meQueryKey)) markSessionExpired();
    else client.setQueryData(meQueryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError,
      onSuccess: () => {
        if (navigator.onLine) markSynced();
      },
    }),
    mutationCache: new MutationCache({
      onError,
      // Any change may settle or add waiting work: "Việc của tôi" and its counter read it again.
      onSuccess: () => void client.invalidateQueries({ queryKey: tasksQueryKey }),
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
  return client;
}

function DocumentLanguage() {
  const { language } = useI18n();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return null;
}

/**
 * What every screen needs, the login screen included; the component library's providers come
 * with the pages behind the login (full-app.tsx).
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <DocumentLanguage />
        <YearProvider>{children}</YearProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
