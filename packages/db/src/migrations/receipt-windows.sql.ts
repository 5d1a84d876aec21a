/**
 * The two views the kept report timeliness counts are summed from (migration 0028), written
 * once per dialect. They apply core's report-timeliness rule (report-timeliness.ts,
 * recurring-compliance.ts, reporting-calendar.ts) in SQL:
 *
 * - a plan's calendar is its own or DEFAULT_CALENDAR; a period key of the other frequency is in
 *   no schedule; a period's due date is day N − 1 of its (last) month, clamped to the month;
 * - a task owes reports from its plan's tracked-from day (default: the import day, in Vietnam)
 *   until the day it was cancelled or removed (in Vietnam), when it was;
 * - a first receipt is kept when the period is owed (due on or after the first day, starting
 *   on or before the last, the last not before the first) and it arrived on time; it then
 *   counts from `counted_on` — the latest of the period's start, the day received and the
 *   first day — and its period is closed from the day after `due_on`.
 *
 * server/src/report-timeliness.test.ts holds the sums equal to the rule applied to the rows.
 */
import { DEFAULT_CALENDAR } from "@giamsat/core";
import type { DialectName } from "../connection.js";

const FREQUENCY = `COALESCE(c.frequency, '${DEFAULT_CALENDAR.frequency}')`;
const DUE_DAY = `COALESCE(c.due_day, ${DEFAULT_CALENDAR.dueDay})`;

const DATES = {
  sqlite: {
    vietnamDay: (ts: string) => `date(${ts}, '+7 hours')`,
    periodStart: (key: string, frequency: string) => `CASE
      WHEN ${frequency} = 'quarterly' AND ${key} GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'
        THEN date(substr(${key}, 1, 4) || '-' || printf('%02d', substr(${key}, 7, 1) * 3 - 2) || '-01')
      WHEN ${frequency} = 'monthly' AND ${key} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
        THEN date(${key} || '-01')
      END`,
    lastMonth: (start: string, frequency: string) =>
      `date(${start}, CASE WHEN ${frequency} = 'quarterly' THEN '+2 months' ELSE '+0 months' END)`,
    dueDate: (month: string, dueDay: string) =>
      `date(${month}, '+' || (min(${dueDay} - 1, CAST(strftime('%d', ${month}, '+1 month', '-1 day') AS INTEGER)) - 1) || ' days')`,
    latest: (...days: string[]) => `max(${days.join(", ")})`,
    part: (day: string, part: "year" | "month" | "day") =>
      `CAST(substr(${day}, ${{ year: "1, 4", month: "6, 2", day: "9, 2" }[part]}) AS INTEGER)`,
    daysInMonth: (day: string) =>
      `CAST(strftime('%d', ${day}, 'start of month', '+1 month', '-1 day') AS INTEGER)`,
    least: (a: string, b: string) => `min(${a}, ${b})`,
    monthsLater: (day: string, months: string) =>
      `date(${day}, 'start of month', '+' || (${months}) || ' months')`,
    nextDay: (day: string) => `date(${day}, '+1 day')`,
  },
  postgres: {
    vietnamDay: (ts: string) =>
      `to_char((${ts})::timestamptz AT TIME ZONE 'UTC' + interval '7 hours', 'YYYY-MM-DD')`,
    periodStart: (key: string, frequency: string) => `to_char(CASE
      WHEN ${frequency} = 'quarterly' AND ${key} ~ '^[0-9]{4}-Q[1-4]$'
        THEN make_date(left(${key}, 4)::int, substr(${key}, 7, 1)::int * 3 - 2, 1)
      WHEN ${frequency} = 'monthly' AND ${key} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
        THEN make_date(left(${key}, 4)::int, substr(${key}, 6, 2)::int, 1)
      END, 'YYYY-MM-DD')`,
    lastMonth: (start: string, frequency: string) =>
      `to_char(${start}::date + CASE WHEN ${frequency} = 'quarterly' THEN interval '2 months' ELSE interval '0 days' END, 'YYYY-MM-DD')`,
    dueDate: (month: string, dueDay: string) =>
      `to_char(${month}::date + (least(${dueDay} - 1, extract(day from ${month}::date + interval '1 month' - interval '1 day')::int) - 1), 'YYYY-MM-DD')`,
    latest: (...days: string[]) => `GREATEST(${days.join(", ")})`,
    part: (day: string, part: "year" | "month" | "day") =>
      `extract(${part} from ${day}::date)::int`,
    daysInMonth: (day: string) =>
      `extract(day from date_trunc('month', ${day}::date) + interval '1 month' - interval '1 day')::int`,
    least: (a: string, b: string) => `least(${a}, ${b})`,
    monthsLater: (day: string, months: string) =>
      `to_char(date_trunc('month', ${day}::date) + make_interval(months => ${months}), 'YYYY-MM-DD')`,
    nextDay: (day: string) => `to_char(${day}::date + 1, 'YYYY-MM-DD')`,
  },
};

/** The day in Vietnam (`YYYY-MM-DD`) of an ISO timestamp, as core's vietnamDay. */
export function vietnamDaySql(dialect: DialectName, ts: string): string {
  return DATES[dialect].vietnamDay(ts);
}

/** The next day of a `YYYY-MM-DD` day. */
export function nextDaySql(dialect: DialectName, day: string): string {
  return DATES[dialect].nextDay(day);
}

/** A recurring task with a lead unit, its plan, its calendar and its reporting window. */
function windows(dialect: DialectName): string {
  const d = DATES[dialect];
  return `SELECT t.id AS task_id, t.plan_id, t.lead_org_id, t.confidential,
      ${FREQUENCY} AS frequency, ${DUE_DAY} AS due_day,
      COALESCE(p.tracked_from, ${d.vietnamDay("p.imported_at")}) AS from_on,
      ${d.vietnamDay("COALESCE(t.cancelled_at, t.removed_at)")} AS until_on
    FROM tasks t
    JOIN plans p ON p.id = t.plan_id
    LEFT JOIN reporting_calendars c ON c.plan_id = t.plan_id
    WHERE t.kind = 'recurring' AND t.lead_org_id IS NOT NULL`;
}

/** core's dueDatesBefore(day, calendar) in SQL. */
function dueDatesBefore(dialect: DialectName, day: string, frequency: string, dueDay: string) {
  const d = DATES[dialect];
  const [year, month, dom] = [d.part(day, "year"), d.part(day, "month"), d.part(day, "day")];
  return `(CASE WHEN ${frequency} = 'quarterly' THEN ${year} * 4 + (${month} - 1) / 3
      ELSE ${year} * 12 + ${month} - 1 END
    + CASE WHEN (${frequency} <> 'quarterly' OR ${month} % 3 = 0)
      AND ${d.least(`${dueDay} - 1`, d.daysInMonth(day))} < ${dom} THEN 1 ELSE 0 END)`;
}

/**
 * `recurring_task_windows`: for every recurring task with a lead unit whose window is not
 * empty, a row on the day its window starts (+1 task, + dueDatesBefore that day) and, when it
 * ended, one on the day after the due date of the period it ended in (−1, − dueDatesBefore
 * that day): summed up to a date, they give each unit's closed periods (core:
 * unitTimelinessFromKept).
 */
export function recurringTaskWindowsView(dialect: DialectName): string {
  const d = DATES[dialect];
  const untilMonth = d.monthsLater(
    "until_on",
    `CASE WHEN frequency = 'quarterly' THEN 2 - (${d.part("until_on", "month")} - 1) % 3 ELSE 0 END`,
  );
  const ended = `SELECT w.*, CASE WHEN until_on IS NOT NULL
        THEN ${d.nextDay(d.dueDate(untilMonth, "due_day"))} END AS end_on
      FROM (${windows(dialect)}) w`;
  const row = (day: string, sign: string) =>
    `SELECT task_id, plan_id, lead_org_id, confidential, frequency, due_day, ${day} AS day,
      ${sign}1 AS tasks, ${sign}${dueDatesBefore(dialect, day, "frequency", "due_day")} AS weight
    FROM (${ended}) e
    WHERE (until_on IS NULL OR (until_on >= from_on AND end_on > from_on))`;
  return `CREATE VIEW recurring_task_windows AS
    ${row("from_on", "")}
    UNION ALL
    ${row("end_on", "-")} AND until_on IS NOT NULL`;
}

/** `report_receipt_windows`: every first receipt that counts on time, with its two days. */
export function reportReceiptWindowsView(dialect: DialectName): string {
  const d = DATES[dialect];
  const keyed = `SELECT w.*, r.period_key, r.received_on,
      ${d.periodStart("r.period_key", "w.frequency")} AS start_on
    FROM report_receipts r
    JOIN (${windows(dialect)}) w ON w.task_id = r.task_id`;
  const dated = `SELECT k.*, ${d.dueDate(d.lastMonth("k.start_on", "k.frequency"), "k.due_day")} AS due_on
    FROM (${keyed}) k`;
  return `CREATE VIEW report_receipt_windows AS
    SELECT task_id, plan_id, period_key, lead_org_id, confidential,
      ${d.latest("start_on", "received_on", "from_on")} AS counted_on, due_on
    FROM (${dated}) x
    WHERE received_on <= due_on AND due_on >= from_on
      AND (until_on IS NULL OR (start_on <= until_on AND until_on >= from_on))`;
}
