import { registerServiceWorker } from "../features/offline/register-service-worker.ts";
import { AppProviders } from "./providers.tsx";
import { AppRouter } from "./router.tsx";

registerServiceWorker();

export function App() {
  return (
    <AppProviders>
      <AppRouter />
    </AppProviders>
  );
}
