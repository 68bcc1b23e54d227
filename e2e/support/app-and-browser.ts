import { afterAll, beforeAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, login } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

export interface AppAndBrowser {
  app: RunningApp;
  browser: Browser;
}

/** The product and a browser, started before a file's tests and stopped after them. */
export function useAppAndBrowser(): AppAndBrowser {
  const running = {} as AppAndBrowser;
  beforeAll(async () => {
    running.app = await startApp();
    running.browser = await launchBrowser();
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.app?.stop();
  });
  return running;
}

/** A new page on a desktop screen, signed in as `username` and opened at `path`. */
export async function openSignedIn(
  { app, browser }: AppAndBrowser,
  username: string,
  path: string,
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await login(page, app.baseUrl, username);
  await page.goto(`${app.baseUrl}${path}`);
  return page;
}
