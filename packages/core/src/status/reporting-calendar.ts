/**
 * Reporting calendars: when the units of a plan must send their progress reports.
 *
 * A calendar is written the way plans write it: "trước ngày 20 hàng tháng" (plan 596) is
 * `{ frequency: "monthly", dueDay: 20 }`; "hàng quý (trước ngày 20 tháng cuối quý)" (plan 405) is
 * `{ frequency: "quarterly", dueDay: 20 }`. "Trước ngày N" means strictly before day N, the
 * reading the importer also gives "hoàn thành trước ngày 01/3/2026" (due 28/02/2026): the last
 * day a report is on time — the period's `dueDate` — is day N − 1 of the period's (last) month,
 * clamped to the month's length ("trước ngày 31" in June → 30/06).
 *
 * Each period is a calendar month or quarter, and its report falls due inside it: the report
 * for Tháng 5/2026 is due by 19/05/2026, the one for Quý II/2026 by 19/06/2026.
 */
import { ValidationError } from "../errors.js";
import { formatPeriodKey } from "./date.format.js";
import {
  addMonths,
  daysInMonth,
  endOfMonth,
  endOfQuarter,
  isoDate,
  parseIsoDate,
  quarterOf,
  startOfQuarter,
} from "./dates.js";

export type ReportingFrequency = "monthly" | "quarterly";

export type ReportingCalendar = {
  frequency: ReportingFrequency;
  /** N in "trước ngày N": reports are on time up to day N − 1; 2–31. */
  dueDay: number;
};

export type Period = {
  /** `2026-05` (monthly) or `2026-Q2` (quarterly). */
  key: string;
  /** `Tháng 5/2026` or `Quý II/2026`. */
  label: string;
  start: string;
  end: string;
  /** The last day a report for this period is on time. */
  dueDate: string;
};

/**
 * A plan without a calendar of its own reports monthly, before the 20th (plan 596's rule and
 * the most common one). Importing a plan sets its calendar from its reporting clause
 * (reportingCalendarFromText) when it has one, e.g. plan 405's quarterly rule. The kept report
 * timeliness counts (db migration 0028) read it too.
 */
export const DEFAULT_CALENDAR: ReportingCalendar = { frequency: "monthly", dueDay: 20 };

export function checkCalendar(cal: ReportingCalendar): ReportingCalendar {
  if (cal.frequency !== "monthly" && cal.frequency !== "quarterly") {
    throw new ValidationError(`Kỳ báo cáo không hợp lệ: "${String(cal.frequency)}".`);
  }
  if (!Number.isInteger(cal.dueDay) || cal.dueDay < 2 || cal.dueDay > 31) {
    throw new ValidationError(
      `Hạn báo cáo "trước ngày N" phải có N từ 2 đến 31, nhận ${String(cal.dueDay)}.`,
    );
  }
  return cal;
}

function dueDateIn(year: number, month: number, dueDay: number): string {
  return isoDate(year, month, Math.min(dueDay - 1, daysInMonth(year, month)));
}

/** The reporting period a date falls in. */
export function periodOf(date: string, cal: ReportingCalendar): Period {
  checkCalendar(cal);
  const { year, month } = parseIsoDate(date);
  if (cal.frequency === "monthly") {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    return {
      key,
      label: formatPeriodKey(key),
      start: isoDate(year, month, 1),
      end: endOfMonth(date),
      dueDate: dueDateIn(year, month, cal.dueDay),
    };
  }
  const quarter = quarterOf(date);
  const key = `${year}-Q${quarter}`;
  return {
    key,
    label: formatPeriodKey(key),
    start: startOfQuarter(date),
    end: endOfQuarter(date),
    dueDate: dueDateIn(year, quarter * 3, cal.dueDay),
  };
}

const PERIOD_KEY = /^(\d{4})-(?:(\d{2})|Q([1-4]))$/;

/** The period named by a key (`2026-05`, `2026-Q2`), checked against the calendar's frequency. */
export function periodFromKey(key: string, cal: ReportingCalendar): Period {
  const m = PERIOD_KEY.exec(key);
  const month = m?.[2] ? Number(m[2]) : m?.[3] ? Number(m[3]) * 3 : 0;
  const fits = cal.frequency === "monthly" ? Boolean(m?.[2]) : Boolean(m?.[3]);
  if (!m || !fits || month < 1 || month > 12) {
    const example = cal.frequency === "monthly" ? "2026-05" : "2026-Q2";
    throw new ValidationError(`Kỳ báo cáo "${key}" không hợp lệ (cần dạng ${example}).`);
  }
  return periodOf(isoDate(Number(m[1]), month, 1), cal);
}

function nextPeriod(period: Period, cal: ReportingCalendar): Period {
  return periodOf(addMonths(period.start, cal.frequency === "monthly" ? 1 : 3), cal);
}

/** Every period that overlaps `from`..`to` (both included), in order; [] when `to` < `from`. */
export function periodsBetween(from: string, to: string, cal: ReportingCalendar): Period[] {
  parseIsoDate(from);
  parseIsoDate(to);
  const periods: Period[] = [];
  if (to < from) return periods;
  for (let p = periodOf(from, cal); p.start <= to; p = nextPeriod(p, cal)) periods.push(p);
  return periods;
}

/** The first period whose report is due on or after `asOf` (on the due day itself, that one). */
export function nextDue(asOf: string, cal: ReportingCalendar): Period {
  const current = periodOf(asOf, cal);
  return current.dueDate >= asOf ? current : nextPeriod(current, cal);
}

/**
 * How many due dates of a calendar fall before `day`, counted from year 0: the difference of
 * two is how many reports fall due between them. The kept report timeliness counts (db
 * migration 0028) compute the same number in SQL.
 */
export function dueDatesBefore(day: string, cal: ReportingCalendar): number {
  const { year, month, day: dom } = parseIsoDate(day);
  const quarterly = cal.frequency === "quarterly";
  const index = quarterly ? year * 4 + Math.floor((month - 1) / 3) : year * 12 + month - 1;
  const lastMonth = !quarterly || month % 3 === 0;
  const due = Math.min(cal.dueDay - 1, daysInMonth(year, month));
  return index + (lastMonth && due < dom ? 1 : 0);
}
