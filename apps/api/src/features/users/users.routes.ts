import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { createUserInputSchema, userListResponseSchema, createdUserSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser } from "../../http/auth-plugin.ts";
import { createUser, getUsers } from "./users.service.ts";

export function usersRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    "/api/users",
    {
      schema: {
        operationId: "listUsers",
        response: { 200: userListResponseSchema },
        tags: ["users"],
        summary: "Danh sách tài khoản",
      },
    },
    async (request) => ({
      users: await getUsers(db, requireUser(request)),
    }),
  );
  routes.post(
    "/api/users",
    {
      schema: {
        operationId: "createUser",
        response: { 201: createdUserSchema },
        tags: ["users"],
        summary: "Tạo tài khoản",
        body: createUserInputSchema,
      },
    },
    async (request, reply) => {
      const user = await createUser(db, {
        input: request.body,
        by: requireUser(request),
      });
      reply.status(201);
      return user;
    },
  );
}
