import { describe, expect, it } from "vitest";
import { periodFromKey } from "../status/reporting-calendar.js";
import { deferredReportDue, deferredTaskIds, renderDeferred } from "./deferred-message.js";
import { reportDueMessage } from "./reminder-messages.js";

const SITE = "https://giamsat.example.gov.vn";
const input = {
  planLabel: "Kế hoạch số 596/QĐ-BCT",
  unitName: "Cục Thương mại điện tử và Kinh tế số",
  period: periodFromKey("2026-06", { frequency: "monthly", dueDay: 20 }),
  reportDay: "2026-06-20",
  daysBefore: 5,
};
const tasks = [
  { id: 9, number: "2", name: "Số hoá hồ sơ <lưu trữ>" },
  { id: 7, number: "3", name: "Xây dựng nền tảng dữ liệu" },
];

describe("a report-day reminder stored as its task ids", () => {
  it("renders, when sent, the same message as one composed at once, tasks in the stored order", () => {
    const deferred = deferredReportDue(input, [9, 7]);
    expect(deferredTaskIds(deferred.content)).toEqual([9, 7]);
    expect(deferred.content).not.toContain("Số hoá");
    const byId = new Map([...tasks].reverse().map((t) => [t.id, t]));
    const rendered = renderDeferred(deferred.content, byId, SITE);
    const composed = reportDueMessage({ ...input, tasks }, SITE);
    expect(rendered).toEqual(composed);
    expect({ kind: deferred.kind, subject: deferred.subject, link: deferred.link }).toEqual({
      kind: composed.kind,
      subject: composed.subject,
      link: composed.link,
    });
  });

  it("leaves out a task deleted since the reminder was queued", () => {
    const rendered = renderDeferred(
      deferredReportDue(input, [9, 7]).content,
      new Map([[7, tasks[1]!]]),
      SITE,
    );
    expect(rendered.text).toContain("3. Xây dựng nền tảng dữ liệu");
    expect(rendered.text).not.toContain("Số hoá");
  });
});
