import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PASSWORD } from "./cli.js";
import type { Locale } from "./locales.js";
import { screenshotsDir } from "./paths.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's chromium, headless, with a fresh profile (Playwright gives each launch a new user-data-dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type UserPage = { context: BrowserContext; page: Page; errors: string[] };

/** A new browser context (own cookies, nobody signed in) and page, in `locale` at `width`. */
export async function newUserPage(
  browser: Browser,
  baseUrl: string,
  width: number,
  locale: Locale,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width, height: 900 },
    locale,
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  return { context, page: await context.newPage() };
}

/**
 * A new browser context (own cookies) signed in as `username` through the login form, with the
 * browser's language set to `locale` (what `navigator.language` and native inputs follow).
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  width = 1366,
  locale: Locale = "vi-VN",
): Promise<UserPage> {
  const { context, page } = await newUserPage(browser, baseUrl, width, locale);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (
      message.type() === "error" &&
      !/Failed to load resource: the server responded with a status of (401|403|404)/.test(
        message.text(),
      )
    ) {
      errors.push(`console: ${message.text()}`);
    }
  });
  await page.goto("/");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("current-user").waitFor({ state: "attached" });
  return { context, page, errors };
}

/**
 * Saves a full-page screenshot as test-results/screenshots/<name>-<width>.png, or
 * <name>-<width>-en-US.png when the page runs in a browser of another language than vi-VN.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const locale = await page.evaluate(() => navigator.language);
  const suffix = locale === "vi-VN" ? "" : `-${locale}`;
  const file = path.join(screenshotsDir, `${name}-${width}${suffix}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Screenshots the page at its own width and at 390 px (a phone), then gives it its width back. */
export async function screenshotAndPhone(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1366, height: 900 };
  await screenshot(page, name);
  await page.setViewportSize({ width: 390, height: size.height });
  await screenshot(page, name);
  await page.setViewportSize(size);
}

/** The number shown on the dashboard's status card (e.g. "overdue"). */
export async function statusCount(page: Page, status: string): Promise<number> {
  const card = page.getByTestId("status-counts").locator(`[data-status="${status}"] .value`);
  await card.waitFor();
  return Number(await card.textContent());
}
