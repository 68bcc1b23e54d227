import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { FastifyStaticOptions } from "@fastify/static";
import type { FastifyReply, FastifyRequest } from "fastify";

const oneYearSeconds = 365 * 24 * 60 * 60;

/**
 * How the built web app is served. Files under assets/ carry a hash of their content in their
 * name, so a browser keeps them a year without asking again; the service worker and the manifest
 * name those files and are revalidated on every visit, so a new release shows at once. Brotli
 * and gzip copies are written at build time and sent as they are. The page itself (index.html)
 * is sent by `webPageSender`, for every address of the app.
 */
export function webStaticOptions(webDist: string): FastifyStaticOptions {
  const assets = join(webDist, "assets") + sep;
  return {
    root: webDist,
    wildcard: false,
    index: false,
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

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The page with a `<link rel="preload">` per API read, so they start with the page. */
export function withPreloads(page: string, paths: string[]): string {
  if (paths.length === 0) return page;
  const links = paths
    .map(
      (path) =>
        `<link rel="preload" href="${escapeAttribute(path)}" as="fetch" crossorigin="anonymous" />`,
    )
    .join("");
  return page.replace("</head>", `${links}</head>`);
}

/**
 * Sends the app's page for any address of the app. A signed-in visit gets the page's first API
 * reads named in it (`preloads`), so their answers start with the page instead of after its
 * scripts; that page is the user's own, so it is `private` and varies with the cookie. Every
 * page is revalidated on each visit (`no-cache`): a new release, or another user's session on
 * the same device, shows at once. The page is compressed here, not by the compression plugin,
 * which works on routes and not on the handler of addresses without one.
 */
export function webPageSender(
  webDist: string,
  preloads: (request: FastifyRequest) => Promise<string[]>,
) {
  let page: string | undefined;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    page ??= readFileSync(join(webDist, "index.html"), "utf8");
    const paths = await preloads(request).catch((error: unknown) => {
      request.log.warn({ err: error }, "page preloads skipped");
      return [];
    });
    reply
      .code(200)
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", paths.length > 0 ? "private, no-cache" : "no-cache")
      .header("vary", "Cookie, Accept-Encoding");
    const html = withPreloads(page, paths);
    const encoding = encodingFor(request.headers["accept-encoding"]);
    if (!encoding) return reply.send(html);
    return reply
      .header("content-encoding", encoding)
      .send(encoding === "br" ? brotliCompressSync(html) : gzipSync(html));
  };
}

/** Brotli or gzip when the browser reads them (the page is a few hundred bytes either way). */
function encodingFor(header: string | string[] | undefined): "br" | "gzip" | null {
  const accepted = String(header ?? "")
    .split(",")
    .map((part) => part.trim().split(";"))
    .filter(([, quality]) => quality?.trim() !== "q=0")
    .map(([name]) => name?.trim());
  if (accepted.includes("br")) return "br";
  return accepted.includes("gzip") ? "gzip" : null;
}
