import { brotliCompressSync, constants, deflateSync, gzipSync } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Answers shorter than this go as they are: compressing them saves less than it costs. */
const threshold = 1024;

// Brotli at quality 4, as @fastify/compress sets it: 11 costs far more CPU for a few percent.
const brotli = {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 4,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
  },
};

export const answerCompressors = {
  br: (data: string | Buffer) => brotliCompressSync(data, brotli),
  gzip: (data: string | Buffer) => gzipSync(data),
  deflate: (data: string | Buffer) => deflateSync(data),
};
export type AnswerEncoding = keyof typeof answerCompressors;

/** The encoding to answer with: brotli, then gzip, then deflate, among those the client takes. */
export function encodingFor(request: FastifyRequest): AnswerEncoding | undefined {
  const header = request.headers["accept-encoding"];
  if (typeof header !== "string" || request.headers["x-no-compression"] !== undefined) {
    return undefined;
  }
  const accepted = new Set<string>();
  for (const part of header.split(",")) {
    const [name = "", ...parameters] = part.trim().toLowerCase().split(";");
    const refused = parameters.some((parameter) => /^\s*q=0(\.0*)?\s*$/.test(parameter));
    if (!refused) accepted.add(name.trim());
  }
  return (["br", "gzip", "deflate"] as const).find((encoding) => accepted.has(encoding));
}

function addVary(reply: FastifyReply, field: string) {
  const current = reply.getHeader("vary");
  const fields = typeof current === "string" && current !== "" ? current.split(/\s*,\s*/) : [];
  if (!fields.some((name) => name.toLowerCase() === field.toLowerCase())) fields.push(field);
  reply.header("vary", fields.join(", "));
}

/**
 * Compresses JSON answers in one call, before @fastify/compress would pipe them through a zlib
 * stream: for answers of a few kilobytes (a scorecard is 9–11 KB) the stream's set-up and its
 * chunked writes cost more than the compression. Files and streamed answers stay with the plugin,
 * which leaves an answer alone once it carries a Content-Encoding.
 */
export function registerAnswerCompression(app: FastifyInstance) {
  app.addHook("onSend", async (request, reply, payload) => {
    if (typeof payload !== "string" || payload.length < threshold) return payload;
    const type = reply.getHeader("content-type");
    if (typeof type !== "string" || !type.startsWith("application/json")) return payload;
    if (reply.getHeader("content-encoding") !== undefined) return payload;
    addVary(reply, "Accept-Encoding");
    const encoding = encodingFor(request);
    if (!encoding) return payload;
    reply.header("content-encoding", encoding);
    return answerCompressors[encoding](payload);
  });
}
