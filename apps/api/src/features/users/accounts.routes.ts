import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  accountStateSchema,
  changePasswordInputSchema,
  passwordChangeResultSchema,
  passwordResetResultSchema,
  usernameParamsSchema,
} from "@ntm/contracts";
import type { AppContext } from "../../http/app-context.ts";
import { requireUser, sessionToken } from "../../http/auth-plugin.ts";
import { changeOwnPassword } from "./change-password.ts";
import { endSessions } from "./end-sessions.ts";
import { resetPassword } from "./reset-password.ts";
import { setAccountActive } from "./set-account-active.ts";

/** Account upkeep: one's own password, and an administrator's disable, reset and sign-out. */
export function accountsRoutes(app: FastifyInstance, context: AppContext) {
  const db = context.database.db;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.put(
    "/api/users/me/password",
    {
      schema: {
        operationId: "changeOwnPassword",
        tags: ["users"],
        summary: "Đổi mật khẩu của chính mình",
        body: changePasswordInputSchema,
        response: { 200: passwordChangeResultSchema },
      },
    },
    async (request) =>
      changeOwnPassword(db, {
        input: request.body,
        by: requireUser(request),
        sessionToken: sessionToken(request),
        address: request.ip,
        now: context.now(),
      }),
  );
  for (const [verb, active] of [
    ["disable", false],
    ["enable", true],
  ] as const) {
    routes.post(
      `/api/users/:username/${verb}`,
      {
        schema: {
          operationId: active ? "enableUser" : "disableUser",
          tags: ["users"],
          summary: active ? "Mở lại tài khoản" : "Vô hiệu hóa tài khoản (kết thúc mọi phiên)",
          params: usernameParamsSchema,
          response: { 200: accountStateSchema },
        },
      },
      async (request) =>
        setAccountActive(db, {
          username: request.params.username,
          active,
          by: requireUser(request),
          now: context.now(),
        }),
    );
  }
  routes.post(
    "/api/users/:username/reset-password",
    {
      schema: {
        operationId: "resetPassword",
        tags: ["users"],
        summary: "Đặt lại mật khẩu (người dùng phải đổi khi đăng nhập)",
        params: usernameParamsSchema,
        response: { 200: passwordResetResultSchema },
      },
    },
    async (request) =>
      resetPassword(db, {
        username: request.params.username,
        by: requireUser(request),
        now: context.now(),
      }),
  );
  routes.post(
    "/api/users/:username/end-sessions",
    {
      schema: {
        operationId: "endUserSessions",
        tags: ["users"],
        summary: "Kết thúc mọi phiên đăng nhập của tài khoản",
        params: usernameParamsSchema,
        response: { 200: accountStateSchema },
      },
    },
    async (request) =>
      endSessions(db, {
        username: request.params.username,
        by: requireUser(request),
        now: context.now(),
      }),
  );
}
