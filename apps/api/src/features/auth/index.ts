// What other features use of auth; everything else stays inside the feature.
export { actorOf, systemUser, type AuthUser } from "./auth-user.ts";
export {
  deleteUserSessions,
  findAccountById,
  findAccountByUsername,
  updateAccount,
} from "./auth.repository.ts";
export { assertPasswordAllowed } from "./password-rules.ts";
export { hashPassword, verifyPassword } from "./password.ts";
export { sessionId, toAuthUser } from "./sessions.ts";
export { countPasswordAttempt, takeBackPasswordAttempt } from "./password-attempts.ts";
