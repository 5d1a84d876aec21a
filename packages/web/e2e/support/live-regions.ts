import type { BrowserContext, Page } from "playwright-core";

/**
 * Records, in every page of `context`, the live regions (role status/alert, aria-live) that are
 * put into the page already holding words: screen readers often skip those. A message written
 * into a region that was there before is not recorded.
 */
export async function watchLiveRegions(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const arrived: string[] = [];
    (window as unknown as { filledOnArrival: string[] }).filledOnArrival = arrived;
    const live = '[role="status"], [role="alert"], [aria-live]';
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          const regions = [...(node.matches(live) ? [node] : []), ...node.querySelectorAll(live)];
          for (const region of regions)
            if (region.textContent?.trim()) arrived.push(region.textContent.trim());
        }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The words of the live regions that arrived already filled in `page` (see watchLiveRegions). */
export const filledOnArrival = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { filledOnArrival: string[] }).filledOnArrival);
