import type { Browser, Page } from "playwright-core";
import { newUserPage } from "./browser.js";
import { PASSWORD } from "./cli.js";
import type { Locale } from "./locales.js";

/** The focused element's id, or its test id, or its tag. */
export const focusedId = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.id || el?.getAttribute("data-testid") || el?.tagName.toLowerCase() || "";
  });

/** Presses Tab until the focused element matches `selector`; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector))
      return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Presses Tab until a button named `name` (its text) has the focus. */
export async function tabToButton(page: Page, name: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    const on = await page.evaluate((n) => {
      const el = document.activeElement;
      return el?.tagName === "BUTTON" && el.textContent?.trim() === n;
    }, name);
    if (on) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached the button “${name}”`);
}

/** Signs in with the keyboard only: the name field has the focus, Tab to the password, Enter. */
export async function keyboardSignIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  width: number,
  locale: Locale,
) {
  const { context, page } = await newUserPage(browser, baseUrl, width, locale);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto("/");
  await tabTo(page, "#username");
  await page.keyboard.type(username);
  await tabTo(page, "#password");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByTestId("current-user").waitFor({ state: "attached" });
  return { context, page, errors };
}
