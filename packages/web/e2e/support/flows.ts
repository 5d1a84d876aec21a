import type { Page } from "playwright-core";

/**
 * Imports a plan document through the import page; returns the stored plan's id. Checks on the
 * way that the preview's heading, then the stored note, take the keyboard.
 */
export async function importThroughPage(page: Page, file: string): Promise<string> {
  await page.goto("/nhap");
  await page.getByLabel(/Văn bản kế hoạch/).setInputFiles(file);
  await page.getByRole("button", { name: "Đọc văn bản" }).click();
  await page.getByTestId("import-preview").waitFor();
  // each button's work done, the keyboard is on what it brought (WCAG 2.4.3)
  await page.waitForFunction(() => document.activeElement?.textContent === "Bản xem trước");
  await page.getByRole("button", { name: "Lưu kế hoạch" }).click();
  const stored = page.getByTestId("import-stored");
  await stored.waitFor();
  await page.waitForFunction(
    () => document.activeElement?.getAttribute("data-testid") === "import-stored",
  );
  const href = await stored.getByRole("link", { name: "Mở kế hoạch" }).getAttribute("href");
  const id = /\/ke-hoach\/(\d+)/.exec(href ?? "")?.[1];
  if (!id) throw new Error(`Không thấy mã kế hoạch sau khi lưu (${href})`);
  return id;
}

/**
 * Sets the day a plan is tracked from (null: its import day) through the API, as the signed-in
 * monitoring department; report timeliness counts from it.
 */
export async function setTrackedFrom(
  page: Page,
  planId: number,
  trackedFrom: string | null,
): Promise<void> {
  const status = await page.evaluate(
    async ([id, day]) => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const res = await fetch(`/api/plans/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: JSON.stringify({ trackedFrom: day }),
      });
      return res.status;
    },
    [planId, trackedFrom] as const,
  );
  if (status !== 200) throw new Error(`PATCH /api/plans/${planId}: ${status}`);
}

/**
 * The tasks of plan 596 (the first plan when it is absent) as the signed-in user reads them,
 * in plan order; `query` narrows the list (e.g. "&kind=time-bound").
 */
export function plan596Tasks<T>(page: Page, query = ""): Promise<T[]> {
  return page.evaluate(async (extra) => {
    const plans = (await (await fetch("/api/plans")).json()) as {
      items: { id: number; number: string | null }[];
    };
    const plan = plans.items.find((p) => p.number?.includes("596")) ?? plans.items[0]!;
    const list = await fetch(`/api/tasks?plan=${plan.id}&limit=200${extra}`);
    return ((await list.json()) as { items: T[] }).items;
  }, query);
}
