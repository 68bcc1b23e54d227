import type { Readable } from "node:stream";
import type { FastifyReply } from "fastify";

export const contentTypes = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
} as const;

export interface Download {
  /** The name the user's browser saves it under, in Vietnamese if need be. */
  fileName: string;
  contentType: string;
  /** The whole file, or a stream sent as it is produced. */
  body: Buffer | Readable;
}

/** "Biên bản xã Đăk Pék.pdf" → "Bien_ban_xa_Dak_Pek.pdf", for clients that ignore `filename*`. */
function asciiFallback(fileName: string): string {
  return fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9._-]+/g, "_");
}

/** RFC 5987 value characters: what encodeURIComponent leaves, minus ' ( ) *. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment` with the UTF-8 name (RFC 5987/6266) and a plain ASCII one beside it. */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * Sends a file to download. A stream is piped to the client as it is written, never held whole in
 * memory; `nosniff` keeps a browser from running an uploaded file as a page.
 */
export function sendDownload(reply: FastifyReply, download: Download): FastifyReply {
  reply
    .header("content-type", download.contentType)
    .header("content-disposition", contentDisposition(download.fileName))
    .header("x-content-type-options", "nosniff");
  if (Buffer.isBuffer(download.body)) reply.header("content-length", download.body.length);
  return reply.send(download.body);
}
