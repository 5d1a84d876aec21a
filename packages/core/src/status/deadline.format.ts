/**
 * The label a deadline is shown with: the form the plan wrote it in when the resolved date says
 * the same thing ("Quý II/2026" rather than "30/06/2026"), otherwise the date.
 */
import type { Deadline, Recurrence } from "../import/contract.js";
import { fold } from "../text/fold.js";
import { formatDate, formatQuarter } from "./date.format.js";
import { endOfMonth, endOfQuarter, isIsoDate, parseIsoDate } from "./dates.js";

export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  continuous: "Thường xuyên",
  monthly: "Hàng tháng",
  quarterly: "Hàng quý",
  yearly: "Hàng năm",
};

export const NO_DEADLINE_LABEL = "Chưa xác định";

/** Raw text with a day in it: 30/6/2026, 30-6-2026, ngày 30 tháng 6. */
const HAS_DAY = /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\b|\bngay\s+\d{1,2}\b/;
const SAYS_QUARTER = /\bquy\s+(i{1,3}|iv|[1-4])\b/;
/** "Tháng 6/2026", "trong tháng 02 năm 2026", or a bare "4/2025". */
const SAYS_MONTH = /\bthang\s+\d{1,2}\s*(\/|nam)\s*\d{4}\b|(^|[^\d/])\d{1,2}\s*\/\s*\d{4}\b/;

function labelForDue(raw: string, due: string): string {
  const text = fold(raw);
  const { year, month } = parseIsoDate(due);
  if (!HAS_DAY.test(text)) {
    if (SAYS_QUARTER.test(text) && endOfQuarter(due) === due) return formatQuarter(due);
    if (SAYS_MONTH.test(text) && endOfMonth(due) === due) return `Tháng ${month}/${year}`;
    if (due.endsWith("-12-31") && !/\b(quy|thang)\b/.test(text) && text.includes(String(year))) {
      return `Năm ${year}`;
    }
  }
  return formatDate(due);
}

function labelForRange(deadline: Deadline, due: string): string {
  const start = deadline.start;
  if (!start || !isIsoDate(start)) return labelForDue(deadline.raw, due);
  const [startYear, dueYear] = [parseIsoDate(start).year, parseIsoDate(due).year];
  if (start.endsWith("-01-01") && due.endsWith("-12-31")) {
    return startYear === dueYear ? `Năm ${dueYear}` : `${startYear} – ${dueYear}`;
  }
  return `${formatDate(start)} – ${formatDate(due)}`;
}

/** `Deadline` → "30/06/2026", "Quý II/2026", "Năm 2026", "2026 – 2030", "Thường xuyên", "Chưa xác định". */
export function formatDeadline(deadline: Deadline): string {
  if (deadline.kind === "recurring") return RECURRENCE_LABELS[deadline.recurrence ?? "continuous"];
  const due = deadline.due;
  if (!due || !isIsoDate(due)) return NO_DEADLINE_LABEL;
  return deadline.kind === "range" ? labelForRange(deadline, due) : labelForDue(deadline.raw, due);
}
