import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chromium } from "playwright-core";
import { packagedChromium, playwrightChromiumVersion, resolveChromium } from "./chromium.ts";

const scratch = mkdtempSync(join(tmpdir(), "ntm-chromium-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const major = (version: string) => version.split(".")[0];

describe("the Chromium of the browser tests", () => {
  it("is the packaged one by default, the major version playwright-core speaks to", async () => {
    const choice = await resolveChromium({ chromiumPath: undefined });
    expect(choice.source).toBe("@sparticuz/chromium");
    expect(major(packagedChromium().version)).toBe(major(playwrightChromiumVersion()));
    const browser = await chromium.launch({
      executablePath: choice.executablePath,
      env: { ...process.env, ...choice.env },
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      expect(major(browser.version())).toBe(major(playwrightChromiumVersion()));
      const page = await browser.newPage();
      await page.setContent("<p data-testid='greeting'>Xã đạt chuẩn nông thôn mới</p>");
      expect(await page.getByTestId("greeting").innerText()).toBe("Xã đạt chuẩn nông thôn mới");
    } finally {
      await browser.close();
    }
  });

  it("refuses a CHROMIUM_PATH that cannot run, in one line", async () => {
    const missing = join(scratch, "no-chromium-here");
    const refusal = resolveChromium({ chromiumPath: missing });
    await expect(refusal).rejects.toThrow(`CHROMIUM_PATH=${missing} cannot run`);
    await expect(refusal).rejects.toThrow(/^[^\n]+$/);
  });

  it("says what to install, in one line, when neither the packaged nor a system Chromium runs", async () => {
    const refusal = resolveChromium({
      chromiumPath: undefined,
      packagedBinDir: join(scratch, "empty-package"),
      cacheRoot: scratch,
      systemPath: join(scratch, "usr-bin-chromium"),
    });
    await expect(refusal).rejects.toThrow("install Debian's chromium (apt-get install chromium)");
    await expect(refusal).rejects.toThrow(/^[^\n]+$/);
  });
});
