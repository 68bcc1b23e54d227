import type { FastifyInstance, FastifyRequest } from "fastify";
import { forbidden } from "./app-error.ts";

const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function originOf(text: string): string | undefined {
  try {
    return new URL(text).origin;
  } catch {
    return undefined;
  }
}

function sameOrigin(request: FastifyRequest, origin: string, publicUrl: string | undefined) {
  const claimed = originOf(origin);
  if (!claimed) return false;
  // The origin the request was addressed to, as the browser saw it (a trusted proxy's
  // X-Forwarded-Proto and X-Forwarded-Host included), and the configured public address.
  const own = originOf(`${request.protocol}://${request.host}`);
  return claimed === own || (publicUrl !== undefined && claimed === originOf(publicUrl));
}

const crossSite = () =>
  forbidden(
    "Yêu cầu bị từ chối vì không xuất phát từ trang của NTM Monitor. Hãy mở lại ứng dụng từ địa chỉ chính thức rồi thử lại.",
    "Request refused: it did not come from NTM Monitor's own pages. Open the app from its official address and try again.",
  );

/**
 * Refuses writes sent by another site's page (cross-site request forgery). A browser names the
 * page's origin in `Origin` on every write, or at least says in `Sec-Fetch-Site` whether the page
 * is ours. A request with neither comes from a program (the command line, curl, a script), which
 * cannot ride on a browser's session cookie; see docs/decisions/0008-sign-in-sessions-and-cross-site-writes.md.
 */
export function registerCrossSiteCheck(app: FastifyInstance, publicUrl: string | undefined) {
  app.addHook("onRequest", async (request) => {
    if (!writeMethods.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== "null") {
      if (sameOrigin(request, origin, publicUrl)) return;
      throw crossSite();
    }
    const site = request.headers["sec-fetch-site"];
    if (site === "same-origin" || site === "none") return;
    if (site === undefined && origin === undefined) return;
    throw crossSite();
  });
}
