import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";

/**
 * The request id follows one request through every log line it causes, across API processes
 * behind a proxy (which may set it) and into the background jobs the request starts.
 */
export const requestIdHeader = "x-request-id";
/** The field every log line of a request, and of a job it started, carries. */
export const requestIdLogField = "requestId";

// A proxy's or client's id is kept only when it is short and plain, so it cannot forge log lines.
const acceptable = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The id a request brings in `X-Request-Id` when acceptable, else a new one. */
export function acceptOrCreateRequestId(request: Pick<IncomingMessage, "headers">): string {
  const given = request.headers[requestIdHeader];
  return typeof given === "string" && acceptable.test(given) ? given : randomUUID();
}

const current = new AsyncLocalStorage<string>();

/** The id of the request (or job) this code runs for; undefined outside both. */
export function currentRequestId(): string | undefined {
  return current.getStore();
}

/**
 * Runs work (a job) under the id of the request that started it, with a logger whose every line
 * carries that id; a job started by no request gets an id of its own. What job runners call:
 *
 *   await runWithRequestId(job.data.requestId, app.log, (log) => handle(job, log));
 */
export function runWithRequestId<T>(
  requestId: string | undefined,
  logger: FastifyBaseLogger,
  work: (log: FastifyBaseLogger) => T,
): T {
  const id = requestId ?? randomUUID();
  return current.run(id, () => work(logger.child({ [requestIdLogField]: id })));
}

/** Echoes the id in the answer and makes it the current one for the rest of the request. */
export function registerRequestId(app: FastifyInstance): void {
  app.addHook("onRequest", (request, reply, done) => {
    reply.header(requestIdHeader, request.id);
    current.run(request.id, done);
  });
}
