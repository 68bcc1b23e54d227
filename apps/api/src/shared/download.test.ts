import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { contentDisposition, contentTypes, sendDownload } from "./download.ts";

describe("contentDisposition", () => {
  it("carries a Vietnamese name in UTF-8 and a plain one for old clients", () => {
    expect(contentDisposition("Biên bản xã Đăk Pék.pdf")).toBe(
      `attachment; filename="Bien_ban_xa_Dak_Pek.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20x%C3%A3%20%C4%90%C4%83k%20P%C3%A9k.pdf`,
    );
  });

  it("escapes the characters RFC 5987 reserves and never lets a quote end the header value", () => {
    const header = contentDisposition(`Tờ trình (số 1) "đợt 2"*.docx`);
    expect(header).toContain(`filename="To_trinh_so_1_dot_2_.docx"`);
    expect(header).toContain("%28s%E1%BB%91%201%29");
    expect(header).toContain("%2A.docx");
    expect(header.split(`"`)).toHaveLength(3);
  });
});

describe("sendDownload", () => {
  const app = Fastify();
  app.get("/buffer", (_request, reply) =>
    sendDownload(reply, {
      fileName: "Phụ lục.xlsx",
      contentType: contentTypes.xlsx,
      body: Buffer.from("xlsx bytes"),
    }),
  );
  app.get("/stream", (_request, reply) =>
    sendDownload(reply, {
      fileName: "số-liệu.csv",
      contentType: contentTypes.csv,
      body: Readable.from(["ma_don_vi,nam\n", "X01,2024\n"]),
    }),
  );

  it("sends a buffer with its type, length and name", async () => {
    const response = await app.inject({ url: "/buffer" });
    expect(response.headers).toMatchObject({
      "content-type": contentTypes.xlsx,
      "content-length": "10",
      "x-content-type-options": "nosniff",
      "content-disposition": `attachment; filename="Phu_luc.xlsx"; filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c.xlsx`,
    });
    expect(response.body).toBe("xlsx bytes");
  });

  it("streams a file as it is written", async () => {
    const response = await app.inject({ url: "/stream" });
    expect(response.headers["content-type"]).toBe(contentTypes.csv);
    expect(response.headers["content-length"]).toBeUndefined();
    expect(response.body).toBe("ma_don_vi,nam\nX01,2024\n");
  });
});

it("is the only place a route names a downloaded file", () => {
  const features = fileURLToPath(new URL("../features", import.meta.url));
  const offenders = readdirSync(features, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .filter((file) => /content-disposition/i.test(readFileSync(join(features, file), "utf8")));
  expect(offenders).toEqual([]);
});
