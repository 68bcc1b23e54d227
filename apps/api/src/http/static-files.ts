import { join, sep } from "node:path";
import type { FastifyStaticOptions } from "@fastify/static";

const oneYearSeconds = 365 * 24 * 60 * 60;

/**
 * How the built web app is served. Files under assets/ carry a hash of their content in their
 * name, so a browser keeps them a year without asking again; index.html, the service worker and
 * the manifest name those files and are revalidated on every visit, so a new release shows at
 * once. Brotli and gzip copies are written at build time and sent as they are.
 */
export function webStaticOptions(webDist: string): FastifyStaticOptions {
  const assets = join(webDist, "assets") + sep;
  return {
    root: webDist,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, path) => {
      response.setHeader(
        "cache-control",
        path.startsWith(assets) ? `public, max-age=${oneYearSeconds}, immutable` : "no-cache",
      );
      response.setHeader("vary", "accept-encoding");
    },
  };
}
