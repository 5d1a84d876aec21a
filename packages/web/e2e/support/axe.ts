import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

// evaluated through the DevTools protocol: the page's CSP (script-src 'self') forbids a tag
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is now: each violation and where. */
export async function violations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    })) as { violations: Violation[] };
    return result.violations;
  })) as Violation[];
  return found.flatMap((v) =>
    v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}`),
  );
}

/**
 * The page's problems at its width: axe-core's violations and, at 320 px, a page wider than
 * the window (WCAG 1.4.10 reflow: nothing but a data table's own box may scroll sideways).
 */
export async function pageProblems(page: Page): Promise<string[]> {
  const found = await violations(page);
  if ((page.viewportSize()?.width ?? 0) <= 320) {
    const over = await page.evaluate(() => {
      const root = document.scrollingElement!;
      return root.scrollWidth - root.clientWidth;
    });
    if (over > 0) found.push(`reflow: the page scrolls sideways by ${over} px`);
  }
  return found;
}
