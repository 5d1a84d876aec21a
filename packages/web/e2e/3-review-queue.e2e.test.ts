import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";
import { textPdf } from "./support/pdf.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

type TaskItem = { id: number; lead: { name: string; orgId: number | null }[] };

/** Sends a report for each task as the signed-in unit user; returns the reports' ids. */
function sendReports(unit: UserPage, taskIds: number[], period: string): Promise<number[]> {
  return unit.page.evaluate(
    async ({ taskIds, period }) => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const ids: number[] = [];
      for (const id of taskIds) {
        const res = await fetch(`/api/tasks/${id}/reports`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
          body: JSON.stringify({ period, state: "in_progress", summary: "Đang triển khai" }),
        });
        if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
        ids.push(((await res.json()) as { id: number }).id);
      }
      return ids;
    },
    { taskIds, period },
  );
}

/** The review page narrowed to one reporting unit with the picker; returns the queue's list. */
async function reviewQueueOf(page: Page, unit: string) {
  await page.goto("/duyet");
  await page.getByTestId("review-current").waitFor();
  await page.locator("#rf-org").click();
  await page.keyboard.type(unit.toLowerCase());
  await page
    .getByRole("option", { name: new RegExp(`^${unit}( —|$)`) })
    .first()
    .click();
  return page.getByRole("list", { name: "Báo cáo chờ duyệt" });
}

/**
 * In a Vietnamese and an English browser: the monitoring department narrows the
 * queue to one reporting unit with the searchable picker, ticks its reports and accepts them in
 * one go after a confirmation; the other unit's report stays in the queue.
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "hàng chờ duyệt: lọc theo đơn vị, chấp nhận nhiều báo cáo ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    let monitor: UserPage;
    let chosenUnit: string;
    let chosenReports: number[];
    let otherReport: number;
    let otherUnit: string;
    let pdfReport: number;

    beforeAll(async () => {
      // the inter-ministerial appendix first: importing plan 596 then proposes links to its tasks
      await giamsat(dataDir, [
        "import",
        path.join(seedsDir, "bcdcp-2026-appendix2-interministerial-tasks.txt"),
      ]);
      await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
      browser = await launchBrowser();
      monitor = await signIn(browser, baseUrl, "theodoi", 1366, locale);
      const tasks = await monitor.page.evaluate(async () => {
        const plans = (await (await fetch("/api/plans")).json()) as {
          items: { id: number; number: string | null }[];
        };
        const plan = plans.items.find((p) => p.number?.includes("596")) ?? plans.items[0]!;
        const list = await fetch(`/api/tasks?plan=${plan.id}&limit=200`);
        return ((await list.json()) as { items: TaskItem[] }).items;
      });
      // two units with two tasks each; a month of its own per round (one live report a period)
      const byUnit = new Map<string, number[]>();
      for (const t of tasks) {
        const lead = t.lead[0];
        if (lead?.orgId) byUnit.set(lead.name, [...(byUnit.get(lead.name) ?? []), t.id]);
      }
      const units = [...byUnit].filter(([, ids]) => ids.length >= 2);
      const [[unitA, tasksA], [unitB, tasksB]] = [units[1]!, units[2]!];
      chosenUnit = unitA;
      const period = `2026-0${round + 1}`;
      const sender = async (name: string, unitName: string) => {
        await addUser(dataDir, name, "unit_staff", unitName);
        return signIn(browser, baseUrl, name, 1366, locale);
      };
      const a = await sender(`duyet-nhieu-a-${round}`, unitA);
      chosenReports = await sendReports(a, tasksA.slice(0, 2), period);
      const b = await sender(`duyet-nhieu-b-${round}`, unitB);
      otherReport = (await sendReports(b, tasksB.slice(0, 1), period))[0]!;
      otherUnit = unitB;
      // a second report of unit B with a PDF as evidence, for the in-page preview
      pdfReport = await b.page.evaluate(
        async ({ taskId, period, pdf }) => {
          const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
          const form = new FormData();
          form.set("data", JSON.stringify({ period, state: "in_progress", summary: "Có dự thảo" }));
          const bytes = Uint8Array.from(atob(pdf), (c) => c.charCodeAt(0));
          form.append("files", new Blob([bytes], { type: "application/pdf" }), "du-thao.pdf");
          const res = await fetch(`/api/tasks/${taskId}/reports`, {
            method: "POST",
            headers: { "x-csrf-token": me.csrfToken },
            body: form,
          });
          if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
          return ((await res.json()) as { id: number }).id;
        },
        {
          taskId: tasksB[1]!,
          period,
          pdf: textPdf(`Minh chung ${locale}`).toString("base64"),
        },
      );
      await a.context.close();
      await b.context.close();
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("filters the queue by the reporting unit and accepts the ticked reports together", async () => {
      const { page, errors } = monitor;
      const queue = await reviewQueueOf(page, chosenUnit);
      const shown = () =>
        queue
          .getByRole("checkbox", { name: /^Chọn báo cáo số/ })
          .evaluateAll((boxes) =>
            boxes.map((b) => Number(/\d+$/.exec(b.getAttribute("aria-label") ?? "")?.[0])),
          );
      // the whole queue stays shown until the filtered one has arrived: wait for the unit's own
      const filtered = async () => {
        const ids = await shown();
        return chosenReports.every((id) => ids.includes(id)) && !ids.includes(otherReport);
      };
      await expect.poll(filtered).toBe(true);
      // the count above the queue is the server's total for the filter (capped past 1,000)
      await page
        .getByText(new RegExp(`^${chosenReports.length} báo cáo chờ duyệt, cũ nhất trước ·`))
        .waitFor();

      for (const id of chosenReports)
        await queue.getByRole("checkbox", { name: `Chọn báo cáo số ${id}` }).check();
      await page.getByText(`Đã chọn ${chosenReports.length} báo cáo`).waitFor();
      await page
        .getByRole("button", { name: `Chấp nhận ${chosenReports.length} báo cáo đã chọn` })
        .click();
      const dialog = page.getByRole("alertdialog", { name: "Xác nhận chấp nhận nhiều báo cáo" });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(`số ${chosenReports.join(", ")}`);
      await screenshot(page, "20-review-bulk-confirm");
      await page.setViewportSize({ width: 390, height: 900 });
      await screenshot(page, "20-review-bulk-confirm");
      await page.setViewportSize({ width: 1366, height: 900 });
      await dialog
        .getByRole("button", { name: `Xác nhận chấp nhận ${chosenReports.length} báo cáo` })
        .click();
      await page
        .getByText(`Đã chấp nhận ${chosenReports.length} báo cáo (số ${chosenReports.join(", ")}).`)
        .waitFor();
      // the bar is gone with its buttons: the keyboard is on the result (and its "Hoàn tác")
      const result = page.getByTestId("result-message");
      await expect.poll(() => result.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Hoàn tác");
      const status = await page.evaluate(
        async (ids) =>
          Promise.all(
            ids.map(
              async (id) =>
                ((await (await fetch(`/api/reports/${id}`)).json()) as { status: string }).status,
            ),
          ),
        [...chosenReports, otherReport],
      );
      expect(status).toEqual([...chosenReports.map(() => "accepted"), "submitted"]);
      await page.getByRole("button", { name: "Hoàn tác" }).click();
      await expect
        .poll(() => queue.getByRole("checkbox", { name: /^Chọn báo cáo số/ }).count())
        .toBeGreaterThanOrEqual(2);
      await page.getByRole("checkbox", { name: /^Chọn cả \d+ báo cáo/ }).check();
      await page.getByRole("button", { name: /^Chấp nhận \d+ báo cáo đã chọn/ }).click();
      await page.getByRole("button", { name: /^Xác nhận chấp nhận \d+ báo cáo/ }).click();
      await page.getByText("Không có báo cáo nào chờ duyệt khớp bộ lọc.").waitFor();
      expect(errors).toEqual([]);
    });

    it("lists the pending task-link proposals on their own page; one confirmed, one rejected", async () => {
      const { page, errors } = monitor;
      await page.goto("/duyet");
      await page
        .getByRole("link", { name: /^Đề xuất liên kết nhiệm vụ chờ xác nhận \(\d+\)$/ })
        .click();
      await page.getByRole("heading", { name: "Liên kết nhiệm vụ giữa các kế hoạch" }).waitFor();
      const rows = page.getByTestId("link-row");
      await rows.first().waitFor();
      const total = Number(
        /^(\d+) liên kết/.exec((await page.getByText(/^\d+ liên kết/).textContent()) ?? "")?.[1],
      );
      expect(total).toBeGreaterThanOrEqual(2);
      expect(await rows.first().textContent()).toMatch(/596\/QĐ-BCT – nhiệm vụ/);
      await screenshot(page, "21-link-proposals");
      await page.setViewportSize({ width: 390, height: 900 });
      await screenshot(page, "21-link-proposals");
      await page.setViewportSize({ width: 1366, height: 900 });

      const confirm = rows.first().getByRole("button", { name: /^Xác nhận liên kết \d+$/ });
      const confirmedId = Number(
        /\d+$/.exec((await confirm.getAttribute("aria-label")) ?? "")?.[0],
      );
      await confirm.click();
      await page.getByText(/^Đã xác nhận liên kết/).waitFor();
      await expect
        .poll(() => page.getByText(`${total - 1} liên kết`, { exact: false }).count())
        .toBe(1);
      await rows
        .first()
        .getByRole("button", { name: /^Bác liên kết \d+$/ })
        .click();
      await page.getByText(/^Đã bác liên kết/).waitFor();
      await page.getByRole("button", { name: "Đã xác nhận" }).click();
      await expect
        .poll(() => page.getByRole("link", { name: /nhiệm vụ/ }).count())
        .toBeGreaterThan(0);
      const confirmed = await page.evaluate(async () =>
        (
          (await (await fetch("/api/links?state=confirmed&limit=500")).json()) as {
            items: { id: number }[];
          }
        ).items.map((l) => l.id),
      );
      expect(confirmed).toContain(confirmedId);
      expect(errors).toEqual([]);
    });

    it("previews an evidence PDF inside the page, as a sandboxed frame of this site", async () => {
      const { page, errors } = monitor;
      const queue = await reviewQueueOf(page, otherUnit);
      await queue.getByRole("checkbox", { name: `Chọn báo cáo số ${pdfReport}` }).waitFor();
      const item = queue.locator("li").filter({
        has: page.getByRole("checkbox", { name: `Chọn báo cáo số ${pdfReport}` }),
      });
      await item.getByRole("button").click();
      const frame = page.getByTitle("Minh chứng: du-thao.pdf");
      await frame.waitFor();
      const src = (await frame.getAttribute("src")) ?? "";
      expect(src).toMatch(/^\/api\/evidence\/\d+\/preview$/);
      const headers = await page.evaluate(async (url) => {
        const res = await fetch(url);
        return {
          type: res.headers.get("content-type"),
          csp: res.headers.get("content-security-policy"),
          frame: res.headers.get("x-frame-options"),
        };
      }, src);
      expect(headers).toEqual({
        type: "application/pdf",
        csp: expect.stringMatching(/^sandbox;.*frame-ancestors 'self'/),
        frame: "SAMEORIGIN",
      });
      await expect.poll(() => page.frames().some((f) => f.url().endsWith(src))).toBe(true);
      await page.waitForTimeout(1500); // the viewer draws the page
      await screenshot(page, "20-review-pdf-preview");
      await page.setViewportSize({ width: 390, height: 900 });
      await screenshot(page, "20-review-pdf-preview");
      await page.setViewportSize({ width: 1366, height: 900 });
      expect(errors).toEqual([]);
    });
  },
);
