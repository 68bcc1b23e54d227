import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import type { AppContext } from "../../http/app-context.ts";

export function healthRoutes(app: FastifyInstance, context: AppContext) {
  app.get(
    "/api/health",
    { schema: { tags: ["health"], summary: "Tình trạng máy chủ" } },
    async () => {
      await context.database.db.execute(sql`select 1`);
      return { status: "ok", database: context.database.kind };
    },
  );
}
