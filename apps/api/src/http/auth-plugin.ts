import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "@ntm/db";
import { AppError } from "./app-error.ts";
import type { AuthUser } from "../features/auth/auth-user.ts";
import { userForSession } from "../features/auth/auth.service.ts";

export const sessionCookie = "ntm_session";

declare module "fastify" {
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

/** Reads the session cookie of every API request and attaches the signed-in user, if any. */
export function registerAuth(app: FastifyInstance, db: Db, now: () => Date) {
  app.decorateRequest("user", null);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[sessionCookie];
    request.user = token ? await userForSession(db, token, now()) : null;
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
