import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { brotliQualityFrom, precompressFolder } from "../vite-precompress.ts";

const folder = mkdtempSync(join(tmpdir(), "ntm-precompress-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const script = Array.from(
  { length: 400 },
  (_, index) => `export const tieuChi${index} = "Tiêu chí ${index % 19} đạt";`,
).join("\n");

const brotliAt = (content: Buffer, quality: number) =>
  brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });

describe("the web build's compressed copies", () => {
  it("writes Brotli at the quality asked and gzip beside each text file, nothing for small or binary files", async () => {
    mkdirSync(join(folder, "assets"));
    writeFileSync(join(folder, "assets/app.js"), script);
    writeFileSync(join(folder, "tiny.js"), "export {};");
    writeFileSync(join(folder, "icon.png"), Buffer.alloc(4096, 7));

    await precompressFolder(folder, 5);

    const content = readFileSync(join(folder, "assets/app.js"));
    const br = readFileSync(join(folder, "assets/app.js.br"));
    expect(brotliDecompressSync(br)).toEqual(content);
    expect(br).toEqual(brotliAt(content, 5));
    expect(br).not.toEqual(brotliAt(content, 11));
    expect(gunzipSync(readFileSync(join(folder, "assets/app.js.gz")))).toEqual(content);
    expect(existsSync(join(folder, "tiny.js.br"))).toBe(false);
    expect(existsSync(join(folder, "icon.png.br"))).toBe(false);
  });

  it("takes the highest quality unless NTM_WEB_BROTLI_QUALITY names another, and refuses a wrong one", () => {
    expect(brotliQualityFrom({})).toBe(11);
    expect(brotliQualityFrom({ NTM_WEB_BROTLI_QUALITY: "5" })).toBe(5);
    for (const wrong of ["0", "12", "4.5", "nhanh"]) {
      expect(() => brotliQualityFrom({ NTM_WEB_BROTLI_QUALITY: wrong })).toThrow(
        `NTM_WEB_BROTLI_QUALITY phải là số nguyên từ 1 đến 11 (đang là "${wrong}").`,
      );
    }
  });
});
