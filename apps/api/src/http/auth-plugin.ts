import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "@ntm/db";
import { AppError } from "./app-error.ts";
import type { AuthUser } from "../features/auth/auth-user.ts";
import { sessionWithGeneration, type SessionLimits } from "../features/auth/sessions.ts";

export const sessionCookie = "ntm_session";

/** What an account that must change its password may still do. */
const allowedBeforePasswordChange = new Set([
  "GET /api/auth/me",
  "POST /api/auth/logout",
  "PUT /api/users/me/password",
]);

declare module "fastify" {
  interface FastifyRequest {
    user: AuthUser | null;
    /** The generation of `answerScopes`, read with the session (ADR 0029). */
    answerGeneration: { scopes: readonly string[]; generation: string } | null;
  }
  interface FastifyContextConfig {
    /**
     * The scopes of the kept answer a read may be served from, known before the route runs: the
     * session's statement then also reads their generation.
     */
    answerScopes?: (request: FastifyRequest) => readonly string[] | undefined;
  }
}

/** Reads the session cookie of every API request and attaches the signed-in user, if any. */
export function registerAuth(
  app: FastifyInstance,
  db: Db,
  options: { now: () => Date; limits: SessionLimits },
) {
  app.decorateRequest("user", null);
  app.decorateRequest("answerGeneration", null);
  app.addHook("onRequest", async (request) => {
    // The public page answers everyone alike: no session is read, none can change its answer.
    if (!request.url.startsWith("/api/") || request.url.startsWith("/api/public/")) return;
    const token = request.cookies[sessionCookie];
    if (token) {
      const scopes = request.routeOptions.config.answerScopes?.(request);
      const now = options.now();
      const found = await sessionWithGeneration(db, { token, now, limits: options.limits, scopes });
      request.user = found.user;
      if (scopes && found.generation !== undefined) {
        request.answerGeneration = { scopes, generation: found.generation };
      }
    }
    const path = request.url.split("?")[0];
    if (
      request.user?.mustChangePassword &&
      !allowedBeforePasswordChange.has(`${request.method} ${path}`)
    ) {
      throw new AppError({
        code: "PASSWORD_CHANGE_REQUIRED",
        vi: "Mật khẩu của bạn vừa được đặt lại: hãy đổi mật khẩu trước khi tiếp tục.",
        en: "Your password was reset: change it before you continue.",
      });
    }
  });
}

export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) {
    throw new AppError({
      code: "UNAUTHENTICATED",
      vi: "Bạn cần đăng nhập.",
      en: "You need to sign in.",
    });
  }
  return request.user;
}

/** The session token of the request, to tell the current session from the user's others. */
export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookie];
}
