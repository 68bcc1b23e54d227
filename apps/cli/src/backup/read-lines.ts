import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";

/**
 * The lines of a gzip file, read as a stream. A long line (a chunk of a stored file) is gathered
 * in pieces, so it costs time in proportion to its length.
 */
export async function* readGzipLines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let pieces: string[] = [];
  for await (const chunk of createReadStream(file).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    let text = decoder.write(chunk);
    for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n")) {
      pieces.push(text.slice(0, end));
      const line = pieces.join("");
      pieces = [];
      if (line) yield line;
      text = text.slice(end + 1);
    }
    if (text) pieces.push(text);
  }
  const last = pieces.join("") + decoder.end();
  if (last) yield last;
}
