import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { resolveChromium } from "./chromium.ts";

export const screenshotDir = fileURLToPath(new URL("../screenshots", import.meta.url));

/** The resolved Chromium (see chromium.ts), without the background services that reach for the network. */
export async function launchBrowser(): Promise<Browser> {
  const choice = await resolveChromium();
  return chromium.launch({
    executablePath: choice.executablePath,
    env: { ...process.env, ...choice.env },
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function login(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill("demo1234");
  await page.getByTestId("login-submit").click();
  await page.getByTestId("current-user").waitFor();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
}

/**
 * Comes back to a window left behind another and reloads it, as a person switching windows
 * would. It is brought to the front first: the headless browser can stop drawing frames for a
 * window behind another, and a click waits for drawn frames (a click once waited 30 s for them).
 */
export async function returnTo(page: Page) {
  await page.bringToFront();
  await page.reload();
}
