import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { myTasksResponseSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { getMyTasks } from "./get-my-tasks.ts";

export function tasksRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/me/tasks",
    {
      schema: {
        operationId: "getMyTasks",
        tags: ["tasks"],
        summary:
          "Việc của tôi: bước hồ sơ, báo cáo phải nộp, khó khăn vướng mắc, số liệu còn thiếu, mục tiêu chậm tiến độ",
        response: { 200: myTasksResponseSchema },
      },
    },
    async (request) => getMyTasks(db, { user: requireUser(request), now: context.now() }),
  );
}
