import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import { plan596Tasks } from "./support/flows.js";
import { writePlanDocx } from "./support/invented-plan.js";
import { focusedId, keyboardSignIn, tabTo, tabToButton } from "./support/keyboard.js";
import { LOCALES } from "./support/locales.js";
import { getJson, plan596, sendJson, unitTask, type Task } from "./support/plan-tasks.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

/** expect.poll with room for a loaded machine. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

/**
 * WCAG 2.1.1 (keyboard) and 2.4.3 (focus order), in a Vietnamese and an English browser at
 * 1366 and 390 px: the monitoring department's import and return journeys with the keyboard
 * only; after a "Xem thêm" the keyboard is on the first newly shown item; the PAKN handling and
 * task correction forms name a refused field beside it and in a focused summary.
 */
describe.each(LOCALES.map((locale, round) => ({ locale, round })))(
  "bàn phím ($locale)",
  ({ locale, round }) => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** The monitoring department signed in with the keyboard only, at `width`. */
    const monitorByKeyboard = (width: number) =>
      keyboardSignIn(browser, baseUrl, "theodoi", width, locale);
    /** The monitoring department signed in at `width`, with plan 596's tasks in plan order. */
    const monitorOnPlan596 = async (width: number) => {
      const user = await signIn(browser, baseUrl, "theodoi", width, locale);
      await plan596(user.page, dataDir);
      return { ...user, tasks: await plan596Tasks<Task>(user.page) };
    };

    it("keyboard only: a plan is imported — file chosen, read, an unknown unit mapped, saved", async () => {
      const width = round === 0 ? 1366 : 390;
      // a plan of its own per run, led by a name the directory does not know
      const unknown = `Tổ Thử nghiệm Bàn phím ${round === 0 ? "Một" : "Hai"}`;
      const number = `${61 + round}/KH-TNBP`;
      const file = await writePlanDocx(path.join(dataDir, `ke-hoach-ban-phim-${round}.docx`), {
        number,
        title: "Thử nghiệm nhập kế hoạch bằng bàn phím",
        tasks: [
          ["Rà soát danh mục dữ liệu dùng chung", unknown, "", "Danh mục", "30/9/2026"],
          ["Công bố danh mục dữ liệu mở", "Vụ Pháp chế", unknown, "Quyết định", "Quý IV/2026"],
        ],
      });
      const { page, errors, context } = await monitorByKeyboard(width);
      await page.goto("/nhap");
      await page.getByRole("heading", { name: "Nhập kế hoạch" }).waitFor();
      // the file button: Space opens the system's file dialog (answered by the test)
      await tabTo(page, "#import-file");
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.keyboard.press("Space"),
      ]);
      await chooser.setFiles(file);
      await page.getByText(/^ke-hoach-ban-phim-\d\.docx — /).waitFor();
      await tabToButton(page, "Đọc văn bản");
      await page.keyboard.press("Enter");
      // the preview's heading takes the keyboard
      await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Bản xem trước",
      );
      const mapper = page.getByRole("region", { name: /Đơn vị chưa nhận diện được/ });
      expect(await mapper.textContent()).toContain(`“${unknown}” (2 lần:`);

      // map the name to Văn phòng Bộ: type in the picker, ↓ to the entry, Enter, Tab to "Ghi nhớ"
      await tabTo(page, "#alias-0");
      await page.keyboard.type("van phong bo");
      await page
        .getByRole("option", { name: /^Văn phòng Bộ/ })
        .first()
        .waitFor();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      expect(await page.locator("#alias-0").inputValue()).toMatch(/^Văn phòng Bộ/);
      await screenshot(page, "a11y-keyboard-import-mapped");
      await tabToButton(page, "Ghi nhớ");
      await page.keyboard.press("Enter");
      // the document is read again with the name known; the preview's heading has the keyboard
      await mapper.getByText("Mọi đơn vị trong văn bản đều đã có trong danh mục.").waitFor();
      await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Bản xem trước",
      );

      await tabToButton(page, "Lưu kế hoạch");
      await page.keyboard.press("Enter");
      const stored = page.getByTestId("import-stored");
      await stored.waitFor();
      await poll(() => focusedId(page)).toBe("import-stored");
      expect(await stored.textContent()).toContain("Đã lưu kế hoạch mới: 2 nhiệm vụ");
      await screenshot(page, "a11y-keyboard-import-stored");

      // the tasks are stored with the unit the name was mapped to
      const planId = /\/ke-hoach\/(\d+)/.exec(
        (await stored.getByRole("link", { name: "Mở kế hoạch" }).getAttribute("href")) ?? "",
      )?.[1];
      const tasks = await getJson<{ items: Task[] }>(page, `/api/tasks?plan=${planId}&limit=10`);
      expect(tasks.items.map((t) => t.lead.map((l) => l.name))).toEqual([
        ["Văn phòng Bộ"],
        ["Vụ Pháp chế"],
      ]);
      expect(errors).toEqual([]);
      await context.close();
    });

    it("keyboard only: the monitoring department returns a report with its reason", async () => {
      const width = round === 0 ? 390 : 1366;
      const task = await unitTask(browser, baseUrl, dataDir, 7 + round, `a11y-tra-lai-${round}`);
      const unit = await signIn(browser, baseUrl, `a11y-tra-lai-${round}`, width, locale);
      const summary = "Đã dự thảo quy chế, chưa kèm minh chứng.";
      expect(
        await sendJson(unit.page, `/api/tasks/${task.id}/reports`, {
          period: "2026-05",
          state: "in_progress",
          summary,
        }),
      ).toBe(201);
      await unit.context.close();

      const { page, errors, context } = await monitorByKeyboard(width);
      await page.goto("/duyet");
      await page.getByTestId("review-current").waitFor();
      // the newest report is the last in the queue: j moves down to it
      const waiting = await page.locator(".queue-list > li:not(.queue-tick-all)").count();
      for (let i = 0; i < waiting; i++) await page.keyboard.press("j");
      const title = page.locator("#review-title");
      await poll(() => title.textContent()).toContain(task.name);

      // "Trả lại" without a reason: the comment field is named in a focused summary (the report's
      // button, not an indicator value's above the queue)
      await tabTo(page, '[data-testid="review-current"] .actions button.danger');
      await page.keyboard.press("Enter");
      await poll(() => focusedId(page)).toBe("error-summary");
      expect(await page.getByTestId("error-summary").textContent()).toBe(
        "Chưa gửi được: một mục cần sửaNhận xét: Nhập lý do trả lại để đơn vị biết cần bổ sung gì.",
      );
      const comment = page.locator("#review-comment");
      expect(await comment.getAttribute("aria-invalid")).toBe("true");
      expect((await comment.getAttribute("aria-describedby"))?.split(" ")).toContain(
        "review-comment-error",
      );
      await screenshot(page, "a11y-keyboard-return-refused");
      // the summary's link takes the keyboard to the field; typing there clears its mark
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      expect(await focusedId(page)).toBe("review-comment");
      const reason = "Thiếu minh chứng: đề nghị gửi kèm dự thảo quy chế.";
      await page.keyboard.type(reason);
      expect(await comment.getAttribute("aria-invalid")).toBeNull();

      // Alt+Shift+R asks first; the confirmation's button has the keyboard; Enter returns
      await page.keyboard.press("Alt+Shift+KeyR");
      await page.getByRole("alertdialog", { name: "Xác nhận quyết định" }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Xác nhận trả lại",
      );
      await page.keyboard.press("Enter");
      await page
        .getByRole("status")
        .filter({ hasText: /^Đã trả lại báo cáo số \d+/ })
        .waitFor();
      await poll(() => focusedId(page)).toMatch(/^review-(title|h1)$/);
      await screenshot(page, "a11y-keyboard-returned");
      const detail = await getJson<{
        reports: { status: string; reviews: { decision: string; comment: string | null }[] }[];
      }>(page, `/api/tasks/${task.id}`);
      expect(detail.reports[0]!.status).toBe("returned");
      expect(detail.reports[0]!.reviews.at(-1)).toMatchObject({
        decision: "return",
        comment: reason,
      });
      expect(errors).toEqual([]);
      await context.close();
    });

    it("the task correction names each refused field by its label, beside it and in a focused summary", async () => {
      const width = round === 0 ? 390 : 1366;
      const { page, errors, context, tasks } = await monitorOnPlan596(width);
      const task = tasks.filter((t) => t.lead.length === 1).at(-13 - round)!;
      await page.goto(`/nhiem-vu/${task.id}`);
      await page.getByRole("button", { name: "Hiệu chỉnh nhiệm vụ…" }).click();
      const form = page.getByRole("form", { name: "Hiệu chỉnh nhiệm vụ" });
      const summary = form.getByTestId("error-summary");
      // a reason of spaces passes the browser's check; the server names "reason", the page its label
      await form.getByLabel("Lý do hiệu chỉnh (bắt buộc)").fill("   ");
      await form.getByRole("button", { name: "Lưu hiệu chỉnh" }).click();
      await poll(() => focusedId(page)).toBe("error-summary");
      expect(await summary.textContent()).toBe(
        "Chưa gửi được: một mục cần sửaLý do hiệu chỉnh: Nhập lý do hiệu chỉnh",
      );
      expect(await page.locator("#fix-reason").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#fix-reason-error").textContent()).toBe("Nhập lý do hiệu chỉnh");
      // no lead unit left: the unit picker is named
      await form.getByRole("button", { name: `Bỏ ${task.lead[0]!.name}` }).click();
      await form.getByLabel("Lý do hiệu chỉnh (bắt buộc)").fill("Thử bỏ đơn vị chủ trì.");
      await form.getByRole("button", { name: "Lưu hiệu chỉnh" }).click();
      await poll(() => summary.textContent()).toBe(
        "Chưa gửi được: một mục cần sửaĐơn vị chủ trì: Chọn ít nhất một đơn vị chủ trì.",
      );
      await poll(() => focusedId(page)).toBe("error-summary");
      expect(await page.locator("#fix-lead").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#fix-reason").getAttribute("aria-invalid")).toBeNull();
      await screenshot(page, "a11y-correction-errors");
      expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
      await context.close();
    });

    it("“Xem thêm” puts the keyboard on the first newly shown item", async () => {
      const width = round === 0 ? 1366 : 390;
      const { page, errors, context, tasks } = await monitorOnPlan596(width);
      const task = tasks.filter((t) => t.kind !== "recurring").at(-11 - round)!;
      // more than a page (100) of history: corrections of the output, each one audit entry
      for (let i = 0; i < 101; i++) {
        const body = { output: `Sản phẩm thử ${i}`, reason: `Thử phân trang nhật ký ${i}` };
        expect(await sendJson(page, `/api/tasks/${task.id}/corrections`, body)).toBe(200);
      }
      await page.goto(`/nhiem-vu/${task.id}`);
      const audit = page.getByRole("region", { name: "Nhật ký thao tác" });
      const more = audit.getByRole("button", { name: /^Xem thêm \(\d+ mục nữa\)$/ });
      await more.waitFor();
      expect(await audit.locator("li").count()).toBe(100);
      await more.focus();
      await page.keyboard.press("Enter");
      await poll(() => audit.locator("li").count()).toBeGreaterThan(100);
      // the 101st entry (the oldest shown now) has the keyboard, not the page
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        const items = [...(el?.parentElement?.children ?? [])];
        return { tag: el?.tagName, index: items.indexOf(el as Element) };
      });
      expect(focused).toEqual({ tag: "LI", index: 100 });
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
