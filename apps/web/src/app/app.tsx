import { registerServiceWorker } from "../features/offline/register-service-worker.ts";
import { AppProviders } from "./providers.tsx";
import { SessionGate } from "./session-gate.tsx";

registerServiceWorker();

export function App() {
  return (
    <AppProviders>
      <SessionGate />
    </AppProviders>
  );
}
