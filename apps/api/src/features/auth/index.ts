// What other features use of auth; everything else stays inside the feature.
export { actorOf, systemUser, type AuthUser } from "./auth-user.ts";
export { hashPassword, verifyPassword } from "./password.ts";
