/** Public API of the auth feature; the page itself is loaded lazily from login-page.tsx. */
export { meQueryKey } from "./auth-api.ts";
export { useCurrentUser, useLogout } from "./use-current-user.ts";
