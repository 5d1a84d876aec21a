import path from "node:path";
import { addDays, periodOf, reportDayOf, vietnamDay, workingDaysBefore } from "@giamsat/core";
import type { Period, ReportingCalendar } from "@giamsat/core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signIn } from "./support/browser.js";
import type { UserPage } from "./support/browser.js";
import { addUser, giamsat } from "./support/cli.js";
import { LOCALES } from "./support/locales.js";
import { seedsDir } from "./support/paths.js";

const baseUrl = inject("baseUrl");
const dataDir = inject("dataDir");

type Task = {
  id: number;
  kind: string;
  confidential: boolean;
  lead: { orgId: number | null; name: string }[];
};
type Detail = {
  reporting: { calendar: { frequency: "monthly" | "quarterly"; dueDay: number } };
  reports: { period: string; state: string; status: string }[];
};

const get = <T>(page: Page, url: string) =>
  page.evaluate(async (url) => {
    const response = await fetch(url, { credentials: "same-origin" });
    return (await response.json()) as unknown;
  }, url) as Promise<T>;

/**
 * One click that stops the chasing: the report-day reminder of a recurring task
 * links to its report form on the reminded period, which offers "Không phát sinh" at once; the
 * click files it for that period.
 */
describe("thư nhắc báo cáo → mẫu báo cáo đúng kỳ, “Không phát sinh” một lần bấm", () => {
  let browser: Browser;
  let unit: UserPage;
  let link = "";
  let taskId = 0;
  let unitId = 0;
  let periodKey = "";
  let periodLabel = "";
  let currentKey = "";
  /** The period before today's: the form opens on today's unless the link says otherwise. */
  const previousPeriod = (cal: ReportingCalendar): Period =>
    periodOf(addDays(periodOf(vietnamDay(), cal).start, -1), cal);

  beforeAll(async () => {
    await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
    browser = await launchBrowser();
    const monitor = await signIn(browser, baseUrl, "theodoi");
    const tasks = await get<{ items: Task[] }>(monitor.page, "/api/tasks?limit=200");
    // a recurring task whose unit has not reported the previous period
    let chosen: Task | undefined;
    let detail: Detail | undefined;
    for (const t of tasks.items.filter(
      (t) => t.kind === "recurring" && !t.confidential && t.lead[0]?.orgId,
    )) {
      const d = await get<Detail>(monitor.page, `/api/tasks/${t.id}`);
      const previous = previousPeriod(d.reporting.calendar);
      if (!d.reports.some((r) => r.period === previous.key)) {
        chosen = t;
        detail = d;
        break;
      }
    }
    expect(chosen).toBeDefined();
    taskId = chosen!.id;
    unitId = chosen!.lead[0]!.orgId!;
    const period = previousPeriod(detail!.reporting.calendar);
    currentKey = periodOf(vietnamDay(), detail!.reporting.calendar).key;
    periodKey = period.key;
    periodLabel = period.label;
    const holidays = await get<{ items: { date: string }[] }>(monitor.page, "/api/holidays");
    // the day of the reminder one working day before the report day
    const day = workingDaysBefore(
      reportDayOf(period),
      1,
      new Set(holidays.items.map((h) => h.date)),
    );
    await monitor.context.close();

    await addUser(dataDir, "donvi-nhacviec", "unit_staff", chosen!.lead[0]!.name);
    await giamsat(dataDir, ["remind", "--as-of", day]);
    unit = await signIn(browser, baseUrl, "donvi-nhacviec");
    const list = await get<{ items: { kind: string; body: string }[] }>(
      unit.page,
      "/api/notifications?limit=50",
    );
    const reminder = list.items.find((n) => n.kind === "report_due");
    expect(reminder?.body).toContain(`/nhiem-vu/${taskId}/bao-cao?ky=${periodKey}`);
    link = new RegExp(`/nhiem-vu/${taskId}/bao-cao\\?ky=[\\w-]+`).exec(reminder!.body)![0];
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(LOCALES.flatMap((locale) => [1366, 390].map((width) => [locale, width] as const)))(
    "the link opens the form on the reminded (previous) period (%s, %i px)",
    async (locale, width) => {
      const user = await signIn(browser, baseUrl, "donvi-nhacviec", width, locale);
      await user.page.goto(link);
      const period = user.page.getByLabel("Kỳ báo cáo");
      await period.waitFor();
      expect(periodKey).not.toBe(currentKey);
      expect(await period.inputValue()).toBe(periodKey);
      await user.page
        .getByRole("button", { name: `Gửi “Không phát sinh” cho ${periodLabel}` })
        .waitFor();
      await screenshot(user.page, `bao-cao-tu-thu-nhac-${locale}`);
      expect(user.errors).toEqual([]);
      await user.context.close();
    },
  );

  it("one click files “Không phát sinh” for that period", async () => {
    const { page, errors } = unit;
    await page.goto(link);
    await page.getByRole("button", { name: `Gửi “Không phát sinh” cho ${periodLabel}` }).click();
    await page.waitForURL(new RegExp(`/nhiem-vu/${taskId}\\?da-gui=1$`));
    const detail = await get<Detail>(page, `/api/tasks/${taskId}`);
    expect(detail.reports.filter((r) => r.period === periodKey)).toEqual([
      expect.objectContaining({ state: "nothing_to_report", status: "submitted" }),
    ]);
    // the period is reported: the form no longer offers the shortcut for it
    await page.goto(link);
    await page.getByLabel("Kỳ báo cáo").waitFor();
    expect(await page.getByTestId("nothing-new").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it.each(LOCALES.flatMap((locale) => [1366, 390].map((width) => [locale, width] as const)))(
    "the scorecards show the unit's time from the reminder to its report (%s, %i px)",
    async (locale, width) => {
      const leader = await signIn(browser, baseUrl, "lanhdao", width, locale);
      const { page, errors } = leader;
      const cards = await get<{
        items: { unitId: number; reminderMedianDays: number | null; remindedReports: number }[];
      }>(page, "/api/scorecards");
      const card = cards.items.find((c) => c.unitId === unitId);
      // the "Không phát sinh" above came after the reminder
      expect(card?.remindedReports).toBeGreaterThanOrEqual(1);
      expect(card?.reminderMedianDays).toBeGreaterThanOrEqual(0);
      await page.goto("/danh-gia");
      const cell = page.locator(
        `[data-testid=scorecard-table] tr[data-unit="${unitId}"] td[data-key=reminderMedianDays]`,
      );
      await cell.waitFor();
      const days = card!.reminderMedianDays!.toLocaleString("vi-VN", { maximumFractionDigits: 1 });
      expect(await cell.textContent()).toBe(`${days} ngày (${card!.remindedReports} báo cáo)`);
      await screenshot(page, `danh-gia-sau-nhac-${locale}`);
      expect(errors).toEqual([]);
      await leader.context.close();
    },
  );

  it("an unknown period in the link is said so, and the form opens on the current one", async () => {
    const { page, errors } = unit;
    await page.goto(`/nhiem-vu/${taskId}/bao-cao?ky=2019-01`);
    await page.getByText("Tháng 1/2019 không còn mở để báo cáo trên mẫu này").waitFor();
    expect(await page.getByLabel("Kỳ báo cáo").inputValue()).toBe(currentKey);
    expect(errors).toEqual([]);
  });
});
