import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { plan596Tasks } from "./support/flows.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

type TaskItem = { id: number; name: string; lead: { orgId: number | null; name: string }[] };

/**
 * The monitoring department corrects a task after import from the task page
 * (deadline typed dd/mm/yyyy whatever the browser's language, output, a coordinating unit from
 * the picker, confidential) with a required reason; the version shows each field before and
 * after; reading the plan's document again on the import page names the corrected fields it
 * keeps; the unit's staff no longer opens the task once it is confidential, and sees no form.
 */
describe.each(LOCALES)("hiệu chỉnh nhiệm vụ sau khi nhập (%s)", (locale) => {
  const round = LOCALES.indexOf(locale);
  let browser: Browser;
  let monitor: UserPage;
  let staff: UserPage;
  let task: TaskItem;
  let other: TaskItem;

  beforeAll(async () => {
    // plan 596 (unchanged when an earlier file imported it)
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
    monitor = await signIn(browser, baseUrl, "theodoi", 1366, locale);
    const tasks = await plan596Tasks<TaskItem>(monitor.page, "&kind=time-bound");
    // a task whose lead unit leads another one too (that one stays open to its staff)
    const sibling = (t: TaskItem) =>
      tasks.find((o) => o.id !== t.id && o.lead[0]?.orgId === t.lead[0]?.orgId);
    const candidates = tasks.filter((t) => t.lead[0]?.orgId && sibling(t));
    task = candidates[4 + 2 * round]!;
    other = sibling(task)!;
    const username = `donvi-hieuchinh-${round}`;
    await addUser(dataDir, username, "unit_staff", task.lead[0]!.name);
    staff = await signIn(browser, baseUrl, username, 1366, locale);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the monitoring department corrects deadline, output, coordinators and marks it confidential", async () => {
    const { page, errors } = monitor;
    await page.goto(`/nhiem-vu/${task.id}`);
    await page.getByRole("button", { name: "Hiệu chỉnh nhiệm vụ…" }).click();
    await page.getByLabel("Thời hạn hoàn thành").fill("31122027");
    await page.getByLabel("Sản phẩm").fill("Báo cáo tổng kết trình Bộ trưởng");
    await page
      .getByRole("combobox", { name: "Đơn vị phối hợp" })
      .pressSequentially("phap che cong thuong");
    await page.getByRole("option", { name: "Vụ Pháp chế — Bộ Công Thương" }).click();
    await page.getByLabel(/Nhiệm vụ mật/).check();
    await screenshot(page, "20-task-correction-form");
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "20-task-correction-form");
    await page.setViewportSize({ width: 1366, height: 900 });
    // the reason is required: nothing is saved without it
    await page.getByRole("button", { name: "Lưu hiệu chỉnh" }).click();
    expect(
      await page
        .getByLabel("Lý do hiệu chỉnh (bắt buộc)")
        .evaluate((e) => (e as HTMLTextAreaElement).validationMessage),
    ).toBe("Vui lòng điền trường này.");
    await page.getByLabel("Lý do hiệu chỉnh (bắt buộc)").fill("Văn bản gốc ghi thời hạn năm 2027.");
    await page.getByRole("button", { name: "Lưu hiệu chỉnh" }).click();
    const saved = page.getByRole("status").filter({ hasText: "Đã lưu phiên bản" });
    await saved.waitFor();
    expect(await saved.textContent()).toMatch(/Thời hạn: .+ → 31\/12\/2027/);

    const version = page.getByTestId("task-versions").locator(":scope > li").last();
    await version
      .getByText("Hiệu chỉnh: Văn bản gốc ghi thời hạn năm 2027.", { exact: false })
      .waitFor();
    const changes = await version.locator(".version-changes li").allTextContents();
    expect(changes).toEqual([
      expect.stringMatching(/^Đơn vị phối hợp: .*→ .*Vụ Pháp chế/),
      expect.stringMatching(/^Thời hạn: .+ → 31\/12\/2027$/),
      expect.stringMatching(/^Sản phẩm: .+ → Báo cáo tổng kết trình Bộ trưởng$/),
      "Mức độ mật: Không mật → Mật",
    ]);
    expect(await page.locator(".subtitle").textContent()).toContain("Nhiệm vụ mật");
    await page.getByText("31/12/2027", { exact: true }).first().waitFor();
    await screenshot(page, "20-task-corrected");
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "20-task-corrected");
    expect(errors).toEqual([]);
  });

  it("reading plan 596 again on the import page names the corrections a re-import keeps", async () => {
    const { page, errors } = monitor;
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/nhap");
    await page
      .getByLabel(/Văn bản kế hoạch/)
      .setInputFiles(path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt"));
    await page.getByRole("button", { name: "Đọc văn bản" }).click();
    const kept = page.getByRole("region", { name: /^Giữ nguyên \d+ trường đã hiệu chỉnh$/ });
    await kept.waitFor();
    const mine = kept.getByRole("listitem").filter({
      has: page.locator(`a[href="/nhiem-vu/${task.id}"]`),
    });
    expect(await mine.allTextContents()).toEqual([
      expect.stringMatching(
        /^Phụ lục .+, nhiệm vụ .+ — Đơn vị phối hợp: giữ “.*Vụ Pháp chế”; văn bản ghi “.+”$/,
      ),
      expect.stringMatching(
        /^Phụ lục .+, nhiệm vụ .+ — Thời hạn: giữ “31\/12\/2027”; văn bản ghi “.+”$/,
      ),
      expect.stringMatching(
        /^Phụ lục .+ — Sản phẩm: giữ “Báo cáo tổng kết trình Bộ trưởng”; văn bản ghi “.+”$/,
      ),
    ]);
    await kept.scrollIntoViewIfNeeded();
    await screenshot(page, "20-import-keeps-corrections");
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, "20-import-keeps-corrections");
    expect(errors).toEqual([]);
  });

  it("the unit's staff no longer opens the confidential task and cannot correct its others", async () => {
    const { page, errors } = staff;
    await page.goto(`/nhiem-vu/${task.id}`);
    await page.getByText("Nhiệm vụ mật: bạn không có quyền xem.").waitFor();
    await page.goto(`/nhiem-vu/${other.id}`);
    await page.getByRole("heading", { name: /Phiên bản/ }).waitFor();
    expect(await page.getByRole("button", { name: "Hiệu chỉnh nhiệm vụ…" }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
