import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

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

const helmetOptions: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
  hsts: false,
  // The header older browsers read instead of frame-ancestors.
  frameguard: { action: "deny" },
  // Same-origin requests keep their Origin header, which the cross-site check reads.
  referrerPolicy: { policy: "same-origin" },
};

/** The swagger UI page brings its own policy; it may not be framed either, nor upgrade requests. */
export function docsPolicy(header: string): string {
  return header
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
    .replace(/\s*upgrade-insecure-requests;/, "");
}

const oneYearSeconds = 365 * 24 * 60 * 60;
const hsts = `max-age=${oneYearSeconds}; includeSubDomains`;

/**
 * The headers helmet sets with the product's options, asked once: none depends on the request,
 * and helmet's Fastify plugin built its middleware, the policy's text included, for every answer.
 */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(helmetOptions)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    () => undefined,
  );
  return headers;
}

/**
 * Security headers on every answer, pages and API alike. HSTS only on requests that came over TLS
 * (directly or through a trusted proxy): a browser ignores it over plain HTTP, and sending it from
 * a plain-HTTP test installation would teach nothing.
 */
export function registerSecurityHeaders(app: FastifyInstance) {
  const headers = helmetHeaders();
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(headers);
    if (request.protocol === "https") reply.header("strict-transport-security", hsts);
    done();
  });
}
