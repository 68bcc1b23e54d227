import type { FastifyInstance } from "fastify";
import helmet from "@fastify/helmet";

/**
 * The pages' Content Security Policy. antd writes its styles inline at run time, hence
 * 'unsafe-inline' for styles only; scripts come from the app's own files. Charts export through
 * canvas data URLs and the web may start workers from blobs.
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", "blob:"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  // Plain-HTTP installations on an office network would break if requests were upgraded.
  upgradeInsecureRequests: null,
};

/** The swagger UI page brings its own policy; it may not be framed either, nor upgrade requests. */
export function docsPolicy(header: string): string {
  return header
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
    .replace(/\s*upgrade-insecure-requests;/, "");
}

const oneYearSeconds = 365 * 24 * 60 * 60;

/**
 * Security headers on every answer, pages and API alike. HSTS only on requests that came over TLS
 * (directly or through a trusted proxy): a browser ignores it over plain HTTP, and sending it from
 * a plain-HTTP test installation would teach nothing.
 */
export async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    hsts: false,
    // The header older browsers read instead of frame-ancestors.
    frameguard: { action: "deny" },
    // Same-origin requests keep their Origin header, which the cross-site check reads.
    referrerPolicy: { policy: "same-origin" },
  });
  app.addHook("onSend", async (request, reply) => {
    if (request.protocol === "https") {
      reply.header("strict-transport-security", `max-age=${oneYearSeconds}; includeSubDomains`);
    }
  });
}
