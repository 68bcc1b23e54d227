import { endSessions, resetPassword, setAccountActive, systemUser } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";

/** `ntm users reset-password --username U`: a temporary password, to change at the next login. */
export async function usersResetPasswordCommand(options: { username: string }) {
  await withDatabase(async ({ database }) => {
    const result = await resetPassword(database.db, {
      username: options.username,
      by: systemUser,
      now: new Date(),
    });
    console.log(
      `Mật khẩu tạm của ${result.username}: ${result.temporaryPassword}\n` +
        `Người dùng phải đổi mật khẩu khi đăng nhập; ${result.sessionsEnded} phiên đăng nhập đã kết thúc.`,
    );
  });
}

/** `ntm users disable|enable --username U`. */
export function usersSetActiveCommand(active: boolean) {
  return async (options: { username: string }) => {
    await withDatabase(async ({ database }) => {
      const result = await setAccountActive(database.db, {
        username: options.username,
        active,
        by: systemUser,
        now: new Date(),
      });
      console.log(
        active
          ? `Đã mở lại tài khoản ${result.username}.`
          : `Đã vô hiệu hóa tài khoản ${result.username}; ${result.sessionsEnded} phiên đăng nhập đã kết thúc.`,
      );
    });
  };
}

/** `ntm users end-sessions --username U`. */
export async function usersEndSessionsCommand(options: { username: string }) {
  await withDatabase(async ({ database }) => {
    const result = await endSessions(database.db, {
      username: options.username,
      by: systemUser,
      now: new Date(),
    });
    console.log(`Đã kết thúc ${result.sessionsEnded} phiên đăng nhập của ${result.username}.`);
  });
}
