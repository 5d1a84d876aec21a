import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser, PASSWORD } from "./support/cli.js";
import { importThroughPage } from "./support/flows.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

const getJson = <T>(page: Page, url: string) =>
  page.evaluate(
    async (u) => (await fetch(u, { credentials: "same-origin" })).json(),
    url,
  ) as Promise<T>;

type Task = { id: number; name: string; lead: { orgId: number | null; name: string }[] };

/**
 * Amending tasks and the directory through the pages: a unit proposes a new deadline and other
 * lead units, the leader approves one and rejects the other with a comment (the task's versions
 * and deadline show the result); the monitoring department confirms a proposed link between
 * plans; the administrator locks and unlocks an account and renames a unit.
 */
describe("điều chỉnh nhiệm vụ, liên kết và quản trị", () => {
  let browser: Browser;
  let unit: UserPage;
  let leader: UserPage;
  let tasks: Task[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    unit = await signIn(browser, baseUrl, "donvi");
    leader = await signIn(browser, baseUrl, "lanhdao");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a unit user proposes a new deadline and a reassignment with reasons", async () => {
    const { page, errors } = unit;
    tasks = (await getJson<{ items: { task: Task }[] }>(page, "/api/inbox?limit=100")).items.map(
      (i) => i.task,
    );
    expect(tasks.length).toBeGreaterThanOrEqual(3);
    const [first, second] = tasks as [Task, Task];

    await page.goto(`/nhiem-vu/${first.id}`);
    await page.getByRole("button", { name: "Đề xuất điều chỉnh" }).click();
    await page.getByLabel("Gia hạn").check();
    await page.getByLabel("Thời hạn mới").fill("31/12/2026");
    await page.getByRole("button", { name: "Gửi đề xuất" }).click();
    // the reason is required: the browser keeps the form open
    await expect.poll(() => page.getByTestId("change-requests").locator("li").count()).toBe(0);
    await page.getByLabel("Lý do đề xuất (bắt buộc)").fill("Chờ ý kiến thẩm định của Bộ Tư pháp.");
    await page.getByRole("button", { name: "Gửi đề xuất" }).click();
    const items = page.getByTestId("change-requests").locator("li");
    await items.filter({ hasText: "Gia hạn đến 31/12/2026" }).waitFor();
    expect(await items.first().textContent()).toContain("Chờ lãnh đạo quyết định");

    await page.goto(`/nhiem-vu/${second.id}`);
    await page.getByRole("button", { name: "Đề xuất điều chỉnh" }).click();
    await page.getByLabel("Giao lại đơn vị chủ trì").check();
    await page.getByLabel("Đơn vị chủ trì mới").fill("phap che cong thuong");
    await page.getByRole("option", { name: "Vụ Pháp chế — Bộ Công Thương" }).click();
    await page.getByRole("list", { name: "Đơn vị đã chọn" }).getByText("Vụ Pháp chế").waitFor();
    await page.getByLabel("Lý do đề xuất (bắt buộc)").fill("Nội dung thuộc chức năng pháp chế.");
    await page.getByRole("button", { name: "Gửi đề xuất" }).click();
    await page
      .getByTestId("change-requests")
      .getByText(/Giao lại đơn vị chủ trì: Vụ Pháp chế/)
      .waitFor();
    await screenshot(page, "task-change-proposed");
    expect(errors).toEqual([]);
  });

  it("the leader approves the extension and rejects the reassignment with a comment", async () => {
    const { page, errors } = leader;
    const [first, second] = tasks as [Task, Task];
    await page.goto("/de-xuat");
    const list = page.getByTestId("change-requests");
    await expect.poll(() => list.locator(":scope > li").count()).toBe(2);

    const reassign = list.locator(":scope > li").filter({ hasText: second.name });
    await reassign.getByRole("button", { name: "Không chấp thuận" }).click();
    await reassign.getByRole("alert").filter({ hasText: "Nhập lý do" }).waitFor();
    await reassign.getByLabel("Ý kiến của lãnh đạo").fill("Giữ đơn vị chủ trì như kế hoạch.");
    await reassign.getByRole("button", { name: "Không chấp thuận" }).click();
    await expect.poll(() => list.locator(":scope > li").count()).toBe(1);

    const extend = list.locator(":scope > li").filter({ hasText: first.name });
    await extend.getByLabel("Ý kiến của lãnh đạo").fill("Đồng ý gia hạn.");
    await extend.getByRole("button", { name: "Chấp thuận", exact: true }).click();
    await page.getByText("Không có đề xuất nào.").waitFor();

    await page.getByLabel("Trạng thái").selectOption("rejected");
    await list.getByText("Giữ đơn vị chủ trì như kế hoạch.", { exact: false }).waitFor();

    await page.goto(`/nhiem-vu/${first.id}`);
    await page
      .getByTestId("task-versions")
      .getByText(/Điều chỉnh theo đề xuất/)
      .waitFor();
    await page.getByText("31/12/2026").first().waitFor();
    expect(await page.getByTestId("change-requests").textContent()).toContain("Đã chấp thuận");
    await page.goto(`/nhiem-vu/${second.id}`);
    expect(await page.getByTestId("change-requests").textContent()).toContain("Không chấp thuận");
    const after = await getJson<Task>(page, `/api/tasks/${second.id}`);
    expect(after.lead.map((o) => o.orgId)).toEqual(second.lead.map((o) => o.orgId));
    expect(errors).toEqual([]);
  });

  it("a third proposal waits for the leader (for the screenshots)", async () => {
    const { page, errors } = unit;
    const third = tasks[2] as Task;
    await page.goto(`/nhiem-vu/${third.id}`);
    await page.getByRole("button", { name: "Đề xuất điều chỉnh" }).click();
    await page.getByLabel("Thay đổi sản phẩm").check();
    await page.getByLabel("Sản phẩm mới").fill("Báo cáo đánh giá kèm dự thảo quy chế.");
    await page.getByLabel("Lý do đề xuất (bắt buộc)").fill("Sản phẩm ban đầu không còn phù hợp.");
    await page.getByRole("button", { name: "Gửi đề xuất" }).click();
    await page
      .getByTestId("change-requests")
      .getByText(/Thay đổi sản phẩm/)
      .waitFor();
    expect(errors).toEqual([]);
  });

  it("the monitoring department confirms a link proposed by importing the Government's tasks", async () => {
    const monitor = await signIn(browser, baseUrl, "theodoi");
    const { page, errors } = monitor;
    await importThroughPage(
      page,
      path.join(seedsDir, "bcdcp-2026-appendix2-interministerial-tasks.txt"),
    );
    const links = await getJson<{ items: { fromTaskId: number }[] }>(
      page,
      "/api/links?state=proposed",
    );
    expect(links.items.length).toBeGreaterThan(0);
    const taskId = links.items[0]?.fromTaskId;
    await page.goto(`/nhiem-vu/${taskId}`);
    const row = page.getByTestId("task-links").locator("li").filter({ hasText: "chờ xác nhận" });
    await row.first().waitFor();
    const before = await row.count();
    await row.first().getByRole("button", { name: "Xác nhận liên kết" }).click();
    await expect.poll(() => row.count()).toBe(before - 1);
    await page.getByTestId("task-links").getByText("(đã xác nhận)").first().waitFor();
    expect(errors).toEqual([]);
    await monitor.context.close();
  });

  it("the administrator locks and unlocks an account and renames a unit", async () => {
    await addUser(dataDir, "tamkhoa", "leader");
    const admin = await signIn(browser, baseUrl, "quantri");
    const { page, errors } = admin;
    await page.goto("/quan-tri");
    await page.getByRole("tab", { name: "Người dùng và vai trò" }).click();
    await page.getByRole("button", { name: "Khoá tamkhoa" }).click();
    await page.getByText("Đã khoá tài khoản tamkhoa.").waitFor();

    const context = await browser.newContext({ baseURL: baseUrl });
    const login = await context.newPage();
    await login.goto("/");
    await login.getByLabel("Tên đăng nhập").fill("tamkhoa");
    await login.getByLabel("Mật khẩu").fill(PASSWORD);
    await login.getByRole("button", { name: "Đăng nhập" }).click();
    await login.getByRole("alert").waitFor();
    expect(await login.getByTestId("current-user").count()).toBe(0);

    await page.getByRole("button", { name: "Mở khoá tamkhoa" }).click();
    await page.getByText("Đã mở khoá tài khoản tamkhoa.").waitFor();
    await login.getByRole("button", { name: "Đăng nhập" }).click();
    await login.getByTestId("current-user").waitFor({ state: "attached" });
    await context.close();

    await page.getByRole("tab", { name: "Đơn vị và tên gọi khác" }).click();
    await page.locator("#org-name").fill("Phòng Thử nghiệm Cũ");
    await page.getByRole("button", { name: "Thêm đơn vị" }).click();
    await page.getByLabel("Tìm đơn vị").fill("phong thu nghiem");
    const renamed = page.locator("tbody tr").filter({ hasText: "Phòng Thử nghiệm Cũ" });
    await renamed.first().waitFor();
    await page.locator("#rename-org").fill("phong thu nghiem cu");
    await page.getByRole("option", { name: "Phòng Thử nghiệm Cũ" }).click();
    await page.getByLabel("Tên mới").fill("Phòng Thử nghiệm Mới");
    await page.getByRole("button", { name: "Đổi tên" }).click();
    const row = page.locator("tbody tr").filter({ hasText: "Phòng Thử nghiệm Mới" });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain("Phòng Thử nghiệm Cũ");
    await screenshot(page, "admin-org-renamed");
    expect(errors).toEqual([]);
    await admin.context.close();
  });
});
