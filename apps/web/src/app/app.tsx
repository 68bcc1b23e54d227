import { lazy, Suspense } from "react";
import { registerServiceWorker } from "../features/offline/register-service-worker.ts";
import { isPublicPath } from "../features/public/public-path.ts";
import { AppProviders } from "./providers.tsx";
import { SessionGate, ShellLoading } from "./session-gate.tsx";

// The residents' pages load as their own chunk, without waiting for a session.
const PublicSite = lazy(() =>
  import("../features/public/public-site.tsx").then((module) => ({ default: module.PublicSite })),
);

registerServiceWorker();

export function App() {
  return (
    <AppProviders>
      {isPublicPath(window.location.pathname) ? (
        <Suspense fallback={<ShellLoading />}>
          <PublicSite />
        </Suspense>
      ) : (
        <SessionGate />
      )}
    </AppProviders>
  );
}
