import type { Db } from "@ntm/db";

interface LoggingSession {
  logger: { logQuery: (query: string, params: unknown[]) => void };
  options: { logger?: LoggingSession["logger"] };
}

/** Transaction control is not a statement of the work being counted. */
const control = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/**
 * Records every SQL statement the database handle runs, also inside its transactions (Drizzle's
 * query logger, which both drivers call before sending a query). Call `stop` to detach.
 */
export function countStatements(db: Db) {
  const session = (db as unknown as { session: LoggingSession }).session;
  const before = { logger: session.logger, options: session.options.logger };
  const statements: string[] = [];
  const logger = {
    logQuery(query: string) {
      if (!control.test(query)) statements.push(query);
    },
  };
  session.logger = logger;
  session.options.logger = logger;
  return {
    statements,
    reset: () => statements.splice(0),
    stop: () => {
      session.logger = before.logger;
      if (before.options) session.options.logger = before.options;
      else delete session.options.logger;
    },
  };
}
