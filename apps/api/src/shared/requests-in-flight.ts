import type { FastifyInstance, FastifyRequest } from "fastify";

let inFlight = 0;
const counted = new WeakSet<FastifyRequest>();

/** Counts the requests this process is answering, so bulk work can let them pass first. */
export function countRequestsInFlight(app: FastifyInstance) {
  app.addHook("onRequest", async (request) => {
    counted.add(request);
    inFlight += 1;
  });
  const done = async (request: FastifyRequest) => {
    if (counted.delete(request)) inFlight -= 1;
  };
  app.addHook("onResponse", done);
  app.addHook("onRequestAbort", done);
}

/**
 * Waits until no request is being answered, or `maxWaitMs` at most so bulk work is never
 * starved. The embedded database runs one statement at a time: a request's statements would
 * otherwise each wait behind a chunk of a bulk run.
 */
export async function whenRequestsDone(maxWaitMs = 1000): Promise<void> {
  const until = performance.now() + maxWaitMs;
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (inFlight > 0 && performance.now() < until) {
    await new Promise<void>((resolve) => setTimeout(resolve, 2));
  }
}
