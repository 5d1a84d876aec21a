/**
 * Reads a plan's reporting clause into a calendar, so that importing a plan can propose its
 * calendar: "Định kỳ trước ngày 20 hàng tháng …" → monthly, 20; "Định kỳ hàng quý (trước ngày
 * 20 tháng cuối quý) …" → quarterly, 20. Returns null when the text states no such rule.
 */
import { fold } from "../text/fold.js";
import type { ReportingCalendar } from "./reporting-calendar.js";

const BEFORE_DAY = /truoc ngay (\d{1,2})\b/g;
const QUARTERLY = /\bhang quy\b|\bthang cuoi quy\b/;
const MONTHLY = /\bhang thang\b/;

export function reportingCalendarFromText(text: string): ReportingCalendar | null {
  for (const sentence of fold(text).split(/[.;\n]/)) {
    for (const m of sentence.matchAll(BEFORE_DAY)) {
      const dueDay = Number(m[1]);
      if (dueDay < 2 || dueDay > 31) continue;
      if (QUARTERLY.test(sentence)) return { frequency: "quarterly", dueDay };
      if (MONTHLY.test(sentence)) return { frequency: "monthly", dueDay };
    }
  }
  return null;
}
