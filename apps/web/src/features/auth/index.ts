/** Public API of the auth feature; the session gate imports the login page from login-page.tsx. */
export { meQueryKey, sessionSeen } from "./auth-api.ts";
export { useCurrentUser, useLogout } from "./use-current-user.ts";
