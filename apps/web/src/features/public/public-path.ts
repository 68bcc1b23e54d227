/** Whether a path is one of the residents' public pages (no session, their own chunk). */
export const isPublicPath = (path: string) =>
  path === "/cong-khai" || path.startsWith("/cong-khai/");
