import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { currentUserSchema, loginInputSchema, okResponseSchema } from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser, sessionCookie, sessionToken } from "../../http/auth-plugin.ts";
import { currentUser } from "./current-user.ts";
import { login } from "./login.ts";
import { endSession } from "./sessions.ts";

/**
 * Secure when the request came over TLS (directly, or by a trusted proxy's X-Forwarded-Proto)
 * or when the configured public address is https.
 */
export function setSessionCookie(
  context: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  session: { token: string; expiresAt: Date },
) {
  reply.setCookie(sessionCookie, session.token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https" || context.config.publicUrl?.startsWith("https:") === true,
    expires: session.expiresAt,
  });
}

export function authRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(
    "/api/auth/login",
    {
      schema: {
        operationId: "login",
        security: [],
        tags: ["auth"],
        summary: "Đăng nhập",
        body: loginInputSchema,
        response: { 200: currentUserSchema },
      },
    },
    async (request, reply) => {
      const session = await login(db, {
        ...request.body,
        address: request.ip,
        now: context.now(),
        limits: context.config.session,
        demoLogins: context.config.demo,
      });
      setSessionCookie(context, request, reply, session);
      return currentUser(db, session.user, context.now());
    },
  );
  routes.post(
    "/api/auth/logout",
    {
      schema: {
        operationId: "logout",
        response: { 200: okResponseSchema },
        tags: ["auth"],
        summary: "Đăng xuất",
      },
    },
    async (request, reply) => {
      const token = sessionToken(request);
      if (token) await endSession(db, token);
      reply.clearCookie(sessionCookie, { path: "/" });
      return { ok: true };
    },
  );
  routes.get(
    "/api/auth/me",
    {
      schema: {
        operationId: "getCurrentUser",
        tags: ["auth"],
        summary: "Người dùng hiện tại",
        response: { 200: currentUserSchema },
      },
    },
    async (request) => currentUser(db, requireUser(request), context.now()),
  );
}
