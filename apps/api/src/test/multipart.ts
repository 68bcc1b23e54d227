const boundary = "----ntm-test-boundary-5f2c9e";

/** The content type that goes with every body `multipartBody` builds. */
export const multipartContentType = `multipart/form-data; boundary=${boundary}`;

export interface FormFile {
  name: string;
  content: Buffer;
  type?: string;
}

/** A multipart/form-data body built by hand: the text fields first, then the file. */
export function multipartBody(fields: Record<string, string>, file?: FormFile): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      file.content,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

/** The body and its content type together, for `inject`. */
export function multipart(fields: Record<string, string>, file?: FormFile) {
  return { payload: multipartBody(fields, file), contentType: multipartContentType };
}

/** The smallest file the evidence and scan checks accept as a PDF. */
export const tinyPdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
