import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { loginInputSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser, sessionCookie } from "../../http/auth-plugin.ts";
import { currentUser } from "../users/users.service.ts";
import { login, logout } from "./auth.service.ts";

export function authRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(
    "/api/auth/login",
    {
      schema: { tags: ["auth"], summary: "Đăng nhập", body: loginInputSchema },
      config: { rateLimit: { max: 10, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const session = await login(db, { ...request.body, now: context.now() });
      reply.setCookie(sessionCookie, session.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: request.protocol === "https",
        expires: session.expiresAt,
      });
      return currentUser(db, session.user);
    },
  );
  routes.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Đăng xuất" } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token) await logout(db, token);
      reply.clearCookie(sessionCookie, { path: "/" });
      return { ok: true };
    },
  );
  routes.get(
    "/api/auth/me",
    { schema: { tags: ["auth"], summary: "Người dùng hiện tại" } },
    async (request) => currentUser(db, requireUser(request)),
  );
}
