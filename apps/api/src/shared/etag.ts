import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

/** A 304 answer: the client's copy is current, nothing is sent. */
export const notModifiedResponseSchema = z
  .null()
  .describe("Không thay đổi từ bản máy khách đang có");

/** A strong validator of a response: the digest of everything the response is made from. */
export function etagOf(parts: unknown[]): string {
  return `"${createHash("sha1").update(JSON.stringify(parts)).digest("base64url")}"`;
}

/**
 * Sets the validator and caching headers; true when the client's copy (If-None-Match) is current,
 * and the reply is then a 304 to send without a body.
 */
export function notModified(
  request: FastifyRequest,
  reply: FastifyReply,
  etag: string,
  cacheControl = "private, no-cache",
): boolean {
  reply.header("etag", etag);
  reply.header("cache-control", cacheControl);
  reply.header("vary", "Accept-Language");
  const header = request.headers["if-none-match"];
  if (!header) return false;
  const current = header.split(",").some((tag) => {
    const trimmed = tag.trim();
    return trimmed === "*" || trimmed === etag || trimmed === `W/${etag}`;
  });
  if (current) reply.code(304);
  return current;
}
