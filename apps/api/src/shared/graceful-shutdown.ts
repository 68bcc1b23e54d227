import type { FastifyBaseLogger } from "fastify";

/**
 * Stops the server on SIGTERM (a service manager, a container platform) or SIGINT (Ctrl+C):
 * `stop` closes the listener at once, so the proxy sends new requests to another process, and
 * lets the requests in flight finish. Past the timeout, or on a second signal, the process exits
 * anyway with code 1, so a stuck request cannot hold a deployment.
 */
export function stopOnSignals(
  stop: () => Promise<void>,
  options: { timeoutMs: number; log: FastifyBaseLogger },
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.log.warn({ signal }, "second stop signal: exiting without waiting");
      process.exit(1);
    }
    stopping = true;
    options.log.info(
      { signal, timeoutMs: options.timeoutMs },
      "stopping: finishing the requests in flight",
    );
    setTimeout(() => {
      options.log.error(
        { timeoutMs: options.timeoutMs },
        "requests still in flight after the shutdown timeout: exiting",
      );
      process.exit(1);
    }, options.timeoutMs).unref();
    stop().catch((error: unknown) => {
      options.log.error({ err: error }, "stopping failed");
      process.exit(1);
    });
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
