import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { plan596Tasks } from "./support/flows.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

type TaskItem = {
  id: number;
  number: string | null;
  lead: { name: string; orgId: number | null }[];
};

/** The administrator's sign-off switch for a unit, through the API of the signed-in page. */
function setSignoff(page: Page, orgId: number, on: boolean): Promise<number> {
  return page.evaluate(
    async ({ orgId, on }) => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const res = await fetch(`/api/organisations/${orgId}/signoff`, {
        method: "PUT",
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: JSON.stringify({ signoffRequired: on }),
      });
      return res.status;
    },
    { orgId, on },
  );
}

/**
 * In a Vietnamese and an English browser: the administrator turns a unit's
 * sign-off on; the unit's staff member sends a report, which waits for the unit head (not in the
 * review queue) and proposes a change of the task's output, which waits too; the head finds both
 * counted on the unit's inbox, ticks them on "Chờ ký duyệt" and signs them off together, and the
 * monitoring department then finds the report in the review queue.
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "ký duyệt của lãnh đạo đơn vị ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    let admin: UserPage;
    let monitor: UserPage;
    let staff: UserPage;
    let head: UserPage;
    let task: TaskItem;
    let unit: { name: string; orgId: number };
    const summary = `Đã hoàn thiện dự thảo đề án, chờ lãnh đạo ký (${locale})`;
    const output = `Đề án trình Thủ tướng Chính phủ (${locale})`;

    beforeAll(async () => {
      // plan 596 (unchanged when an earlier file imported it)
      await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
      browser = await launchBrowser();
      admin = await signIn(browser, baseUrl, "quantri", 1366, locale);
      monitor = await signIn(browser, baseUrl, "theodoi", 1366, locale);
      // a time-bound task of plan 596 with no report yet, its lead unit resolved; one per round
      const tasks = await plan596Tasks<TaskItem>(monitor.page, "&kind=time-bound");
      const unsent = await monitor.page.evaluate(
        async (ids) => {
          const free: number[] = [];
          for (const id of ids) {
            const res = await fetch(`/api/reports?task=${id}&limit=1`);
            if (((await res.json()) as { total: number }).total === 0) free.push(id);
          }
          return free;
        },
        tasks.filter((t) => t.lead[0]?.orgId).map((t) => t.id),
      );
      const byUnit = new Map<number, TaskItem>();
      for (const t of tasks) if (unsent.includes(t.id)) byUnit.set(t.lead[0]!.orgId!, t);
      task = [...byUnit.values()][Math.floor(byUnit.size / 2) + round]!;
      unit = { name: task.lead[0]!.name, orgId: task.lead[0]!.orgId! };
      await addUser(dataDir, `kyduyet-cb-${round}`, "unit_staff", unit.name);
      await addUser(dataDir, `kyduyet-ld-${round}`, "unit_head", unit.name);
      staff = await signIn(browser, baseUrl, `kyduyet-cb-${round}`, 1366, locale);
      head = await signIn(browser, baseUrl, `kyduyet-ld-${round}`, 1366, locale);
    });
    afterAll(async () => {
      // later files send reports as other units' staff: leave no unit waiting for a head
      if (admin && unit) await setSignoff(admin.page, unit.orgId, false);
      await browser?.close();
    });

    it("the administrator turns the unit's sign-off on from the organisations tab", async () => {
      const { page } = admin;
      await page.goto("/quan-tri");
      const form = page.getByRole("form", { name: "Ký duyệt của lãnh đạo đơn vị" });
      const picker = form.getByRole("combobox", { name: /^Đơn vị/ });
      await picker.pressSequentially(unit.name);
      await page
        .locator("#signoff-org-list")
        .getByRole("option")
        .filter({ hasText: unit.name })
        .first()
        .click();
      const box = form.getByLabel("Báo cáo của cán bộ cần lãnh đạo đơn vị ký duyệt");
      expect(await box.isChecked()).toBe(false);
      await box.check();
      await form.getByRole("button", { name: "Lưu" }).click();
      await form.getByText(`Đã bật ký duyệt cho ${unit.name}.`).waitFor();
      // the directory shows the setting on the unit's row
      await page.getByLabel("Tìm đơn vị").fill(unit.name);
      const row = page.getByRole("row").filter({ hasText: unit.name }).first();
      await row.getByRole("cell", { name: "Bật", exact: true }).waitFor();
      await screenshot(page, "23-signoff-setting");
      await page.setViewportSize({ width: 390, height: 900 });
      await screenshot(page, "23-signoff-setting");
      await page.setViewportSize({ width: 1366, height: 900 });
      expect(admin.errors).toEqual([]);
    });

    it("a staff report waits for the head and stays out of the review queue", async () => {
      const { page } = staff;
      await page.goto(`/nhiem-vu/${task.id}/bao-cao`);
      await page.getByLabel("Kết quả thực hiện").fill(summary);
      await page.getByRole("button", { name: "Gửi báo cáo" }).click();
      await page.getByText(/Báo cáo đang chờ lãnh đạo đơn vị ký duyệt/).waitFor();
      const waiting = await monitor.page.evaluate(async (id) => {
        const res = await fetch(`/api/reports?task=${id}&status=submitted`);
        return ((await res.json()) as { total: number }).total;
      }, task.id);
      expect(waiting).toBe(0);
      // a change request waits for the head as well
      await page.goto(`/nhiem-vu/${task.id}`);
      await page.getByRole("button", { name: "Đề xuất điều chỉnh" }).click();
      await page.getByLabel("Thay đổi sản phẩm").check();
      await page.getByLabel("Sản phẩm mới").fill(output);
      await page.getByLabel("Lý do đề xuất (bắt buộc)").fill("Theo chỉ đạo của Bộ trưởng.");
      await page.getByRole("button", { name: "Gửi đề xuất" }).click();
      await page
        .getByTestId("change-requests")
        .locator("li")
        .filter({ hasText: output })
        .getByText("Chờ lãnh đạo đơn vị ký duyệt")
        .waitFor();
      expect(staff.errors).toEqual([]);
    });

    it("the head sees the count on the inbox and signs both off together", async () => {
      const { page } = head;
      await page.goto("/don-vi");
      const notice = page.getByTestId("signoff-notice");
      await notice.getByRole("link", { name: "Chờ ký duyệt (2)" }).click();
      await page.waitForURL(/\/ky-duyet$/);
      await page
        .getByTestId("signoff-count")
        .getByText(/^.* · 1 báo cáo của cán bộ.* · 1 đề xuất điều chỉnh$/)
        .waitFor();
      const card = page.getByRole("article").filter({ hasText: summary });
      await card.waitFor();
      const changes = page.getByRole("region", { name: "Đề xuất điều chỉnh chờ ký duyệt" });
      await changes.getByText(output).waitFor();
      // returning without a reason is refused in Vietnamese on the reason field, nothing changes
      await card.getByRole("button", { name: "Trả lại cán bộ" }).click();
      const refused = card.getByTestId("error-summary");
      await refused.waitFor();
      await expect.poll(() => refused.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await refused.textContent()).toMatch(
        /^Chưa gửi được: một mục cần sửaLý do trả lại: Nhập lý do khi trả lại báo cáo cho cán bộ/,
      );
      const reason = card.getByLabel("Lý do trả lại (bắt buộc khi trả lại)");
      expect(await reason.getAttribute("aria-invalid")).toBe("true");
      // tick both: one request signs them off, after a confirmation
      await card.getByRole("checkbox", { name: /^Chọn báo cáo số \d+$/ }).check();
      await changes.getByRole("checkbox", { name: /^Chọn đề xuất số \d+$/ }).check();
      const bar = page.getByRole("region", { name: "Mục đã chọn để ký duyệt" });
      await bar.getByText(/Đã chọn 2 mục \(báo cáo số \d+ và đề xuất số \d+\)/).waitFor();
      await screenshot(page, "23-signoff-list");
      await page.setViewportSize({ width: 390, height: 900 });
      await screenshot(page, "23-signoff-list");
      await page.setViewportSize({ width: 1366, height: 900 });
      await bar.getByRole("button", { name: "Ký duyệt 2 mục đã chọn" }).click();
      await bar.getByRole("button", { name: "Xác nhận ký duyệt 2 mục" }).click();
      await page.getByText("Đã ký duyệt cùng lúc 2 mục; mỗi mục được ghi nhật ký riêng.").waitFor();
      // the bar is gone with its buttons: the keyboard is on the result, in the live region
      const result = page.getByTestId("result-message");
      await expect.poll(() => result.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await result.getAttribute("role")).toBe("status");
      await page.getByText("Không có báo cáo nào chờ ký duyệt.").waitFor();
      await page.getByText("Không có đề xuất điều chỉnh nào chờ ký duyệt.").waitFor();
      // the change request is now the leader's to decide
      const proposed = await page.evaluate(async (id) => {
        const res = await fetch(`/api/change-requests?task=${id}&status=proposed`);
        type Item = { payload: { output?: string }; signedOffAt: string | null };
        return ((await res.json()) as { items: Item[] }).items;
      }, task.id);
      const mine = proposed.filter((c) => c.payload.output === output);
      expect(mine).toHaveLength(1);
      expect(mine[0]!.signedOffAt).not.toBeNull();
      // the browser logs the refused request itself; nothing else may have gone wrong
      expect(head.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    });

    it("the signed-off report is in the monitoring department's review queue", async () => {
      const { page } = monitor;
      await page.goto("/duyet");
      const current = page.getByTestId("review-current");
      await current.waitFor();
      await page
        .getByRole("list", { name: "Báo cáo chờ duyệt" })
        .getByRole("button")
        // earlier files may leave other reports of this unit waiting: this task's one
        .filter({
          hasText: new RegExp(
            `NV ${task.number}\\s*—\\s*${unit.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
          ),
        })
        .first()
        .click();
      await current.getByText(summary).waitFor();
      await current.getByText(`lãnh đạo đơn vị ký duyệt (kyduyet-ld-${round}) lúc`).waitFor();
      await screenshot(page, "23-signoff-review-queue");
      await page.setViewportSize({ width: 390, height: 900 });
      await screenshot(page, "23-signoff-review-queue");
      expect(monitor.errors).toEqual([]);
    });
  },
);
