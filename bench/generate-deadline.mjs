// Deadlines in the forms the seeds use, with the due date the importer would resolve them to.
import { addDays, endOfMonth, endOfQuarter, isoDate } from "@giamsat/core";

const ROMAN = ["I", "II", "III", "IV"];
/** Deadline texts that have no date (README "Import: formats, contract, directory"): stored as unresolved. */
const UNRESOLVED = [
  "Theo tiến độ hoàn thành các cơ sở dữ liệu",
  "Không quá 7 ngày từ khi nhận được văn bản",
  "Theo kế hoạch năm hoặc đột xuất",
];

const base = { start_date: null, recurrence: null, deadline_note: null };

/** A deadline of the given form in `year`: { deadline_raw, deadline_kind, due_date, start_date, recurrence }. */
export function makeDeadline(form, year, random) {
  switch (form) {
    case "quarter": {
      const q = random.int(1, 4);
      return {
        ...base,
        deadline_raw: `Quý ${ROMAN[q - 1]}/${year}`,
        deadline_kind: "date",
        due_date: endOfQuarter(isoDate(year, q * 3, 1)),
      };
    }
    case "date": {
      const month = random.int(1, 12);
      const day = random.chance(0.6)
        ? Number(endOfMonth(isoDate(year, month, 1)).slice(8))
        : random.int(1, 28);
      return {
        ...base,
        deadline_raw: `${day}/${month}/${year}`,
        deadline_kind: "date",
        due_date: isoDate(year, month, day),
      };
    }
    case "month": {
      const month = random.int(1, 12);
      return {
        ...base,
        deadline_raw: `Tháng ${month}/${year}`,
        deadline_kind: "date",
        due_date: endOfMonth(isoDate(year, month, 1)),
      };
    }
    case "year":
      return {
        ...base,
        deadline_raw: random.pick([`${year}`, `Năm ${year}`, `Trong năm ${year}`]),
        deadline_kind: "date",
        due_date: `${year}-12-31`,
      };
    case "range": {
      const last = year + random.int(1, 4);
      return {
        ...base,
        deadline_raw: `${year} - ${last}`,
        deadline_kind: "range",
        start_date: `${year}-01-01`,
        due_date: `${last}-12-31`,
      };
    }
    case "before": {
      const month = random.int(1, 12);
      const first = isoDate(year, month, 1);
      return {
        ...base,
        deadline_raw: `Hoàn thành trước ngày 01/${month}/${year}`,
        deadline_kind: "date",
        due_date: addDays(first, -1),
      };
    }
    case "continuous":
      return {
        ...base,
        deadline_raw: "Thường xuyên",
        deadline_kind: "recurring",
        due_date: null,
        recurrence: "continuous",
      };
    case "yearly":
      return {
        ...base,
        deadline_raw: random.pick(["Thường niên", "Hàng năm"]),
        deadline_kind: "recurring",
        due_date: null,
        recurrence: "yearly",
      };
    case "unresolved":
      return {
        ...base,
        deadline_raw: random.pick(UNRESOLVED),
        deadline_kind: "unresolved",
        due_date: null,
      };
    default:
      return { ...base, deadline_raw: "", deadline_kind: "none", due_date: null };
  }
}

/** Weighted forms from the seeds' counts, plus small shares of unresolved and empty deadlines. */
export function deadlineWeights(vocab) {
  const total = vocab.deadlineForms.reduce((s, [, n]) => s + n, 0) || 1;
  return [
    ...vocab.deadlineForms.map(([form, n]) => [form, n / total]),
    ["unresolved", 0.02],
    ["none", 0.02],
  ];
}
