import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, invalid } from "./app-error.ts";

/** API routes answered without a session; every other /api/ route needs one. */
const publicRoutes = new Set([
  "GET /api/health",
  "HEAD /api/health",
  "GET /api/ready",
  "HEAD /api/ready",
  "POST /api/auth/login",
  "POST /api/auth/logout",
]);

const nulCharacter = () =>
  invalid(
    "Yêu cầu chứa ký tự NUL (mã 0), không được phép trong dữ liệu văn bản.",
    "The request holds a NUL character (code 0), which text may not contain.",
  );

/** Whether a parsed JSON body holds a NUL character in any key or string, however deep. */
function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === "string") {
      if (current.includes("\u0000")) return true;
    } else if (Array.isArray(current)) {
      for (const item of current) pending.push(item);
    } else if (current && typeof current === "object") {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes("\u0000")) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

function isPublic(request: FastifyRequest): boolean {
  const url = request.routeOptions.url ?? "";
  return (
    !url.startsWith("/api/") ||
    url.startsWith("/api/docs") ||
    // The public page for residents and their feedback: no session, nothing else of the API.
    url.startsWith("/api/public/") ||
    publicRoutes.has(`${request.method} ${url}`)
  );
}

/**
 * Refuses, before any route or database sees them, what no text column can take and what no
 * parser can read: a NUL character in the path, query, headers or JSON body, and a multipart
 * upload without its boundary. Registered first, so even the session lookup never sees them.
 */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook("onRequest", async (request) => {
    if (/%00/i.test(request.url) || request.url.includes("\u0000")) throw nulCharacter();
    for (const value of Object.values(request.headers)) {
      const texts = Array.isArray(value) ? value : [value];
      if (texts.some((text) => typeof text === "string" && text.includes("\u0000"))) {
        throw nulCharacter();
      }
    }
    const type = request.headers["content-type"] ?? "";
    if (/^multipart\/form-data/i.test(type) && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) {
      throw invalid(
        'Tệp tải lên thiếu tham số boundary trong tiêu đề Content-Type (cần "multipart/form-data; boundary=…"); hãy gửi lại bằng biểu mẫu của ứng dụng.',
        'The upload\'s Content-Type lacks its boundary ("multipart/form-data; boundary=…").',
      );
    }
  });
  app.addHook("preValidation", async (request) => {
    if (request.body !== undefined && holdsNul(request.body)) throw nulCharacter();
  });
}

/**
 * Answers an anonymous request to a signed-in route with 401 before its body is parsed or
 * validated, so a request without a session learns nothing about the shape a route expects.
 * Registered after the session plugin, which sets `request.user`.
 */
export function registerAuthenticationFirst(app: FastifyInstance) {
  app.addHook("onRequest", async (request) => {
    if (request.user || request.is404 || isPublic(request)) return;
    throw new AppError({
      code: "UNAUTHENTICATED",
      vi: "Bạn cần đăng nhập.",
      en: "You need to sign in.",
    });
  });
}
