/**
 * Deadline cells → `Deadline` (README "Import: formats, contract, directory"). The raw text is
 * kept exactly; a date is only produced where the text writes one.
 */
import type { Deadline, Recurrence } from "../contract.js";
import { warning, type WarningDraft } from "../warning.js";
import { dayBefore, foldAligned, isoDate, isPlausibleYear } from "./deadline.calendar.js";
import { readSpan, type Span } from "./deadline.period.js";

export type DeadlineContext = {
  /** The plan's year, used for `Tháng 9` and other forms written without a year. */
  year: number | null;
};

export type DeadlineParse = { deadline: Deadline; warnings: WarningDraft[] };

/** Words before the date that do not change it (`Trong`, `Hoàn thành`, `Chậm nhất`…). */
const LEAD =
  /(?:hoan thanh|thuc hien|trien khai|trinh|ban hanh|cham nhat|han chot|thoi han|giai doan|cuoi|het|trong|vao|den|(truoc)|(tu|bat dau)|(dau)|(giua))\b\s*[:,]?\s*/y;

const RECURRING: [RegExp, Recurrence][] = [
  [/hang\s*thang|moi\s*thang/, "monthly"],
  [/hang\s*quy|moi\s*quy/, "quarterly"],
  [/hang\s*nam|thuong\s*nien|moi\s*nam|dinh\s*ky\s*nam/, "yearly"],
];
const CONTINUOUS = /thuong\s*xuyen|lien\s*tuc/;
const RELATIVE =
  /\d+\s*(?:ngay|thang|tuan)\s*(?:ke\s*tu|tu|sau|truoc)|sau\s*khi|ke\s*tu\s*khi|khong\s*qua\s*\d+/;
/** Done whenever the matter arises (`Khi có phát sinh`, `Khi có yêu cầu`): no date to keep. */
const ON_DEMAND = /^khi\s*(?:co\s*)?(?:phat\s*sinh|yeu\s*cau|can\s*thiet)\b/;
const DEPENDENT =
  /^(?:theo|tuy|khi|can cu)\b|theo\s*(?:tien\s*do|ke\s*hoach|lo\s*trinh|yeu\s*cau|chi\s*dao)/;

/**
 * Tidies OCR and typing damage that never changes meaning: `4//2025`, `4 / 2025`, `4/20025`;
 * dates written with hyphens become `30/11/2026`.
 */
function tidy(raw: string): { text: string; fixed: boolean } {
  let text = raw
    .normalize("NFC")
    .replace(/<[^>]*>/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim()
    .replace(/\s*\/+\s*/g, "/")
    // `30-11-2026`, `2026-11-30`: the same day as `30/11/2026`.
    .replace(/(?<![\d/.-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d/.-])/g, "$1/$2/$3")
    .replace(/(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d/.-])/g, "$3/$2/$1");
  let fixed = /\/\/|\s\/|\/\s/.test(raw);
  text = text.replace(/(?<=\/)(\d{5})(?!\d)/g, (five) => {
    for (let i = 0; i < 4; i++) {
      if (five[i] !== five[i + 1]) continue;
      const four = five.slice(0, i) + five.slice(i + 1);
      if (isPlausibleYear(Number(four))) {
        fixed = true;
        return four;
      }
    }
    return five;
  });
  return { text, fixed };
}

function make(raw: string, kind: Deadline["kind"], extra: Partial<Deadline> = {}): Deadline {
  return { raw, kind, due: null, start: null, recurrence: null, note: null, ...extra };
}

/** The text left after a date: `(thường xuyên khi có văn bản)` → `thường xuyên khi có văn bản`. */
function noteOf(rest: string): string | null {
  let t = rest.replace(/^[\s,;:.\-–]+/, "").trim();
  if (/^\(.*\)$/s.test(t)) t = t.slice(1, -1).trim();
  return t === "" ? null : t;
}

function unresolved(raw: string, note: string | null, message: string): DeadlineParse {
  return {
    deadline: make(raw, "unresolved", { note }),
    warnings: [warning("deadline_unresolved", message)],
  };
}

function fromSpan(
  raw: string,
  span: Span,
  before: boolean,
  from: boolean,
  note: string | null,
): Deadline {
  if (before) return make(raw, "date", { due: dayBefore(span.from), note });
  if (from && !span.range) return make(raw, "range", { start: span.from, note });
  if (span.range) return make(raw, "range", { start: span.from, due: span.to, note });
  return make(raw, "date", { due: span.to, note });
}

/** A leading date expression, after the words that do not change it. */
function leading(raw: string, text: string, f: string, ctx: DeadlineContext): DeadlineParse | null {
  let pos = 0;
  let before = false;
  let from = false;
  let part: "dau" | "giua" | null = null;
  for (;;) {
    LEAD.lastIndex = pos;
    const m = LEAD.exec(f);
    if (!m || m[0].length === 0) break;
    before ||= m[1] !== undefined;
    from ||= m[2] !== undefined;
    part = m[3] ? "dau" : m[4] ? "giua" : part;
    pos += m[0].length;
  }
  let span = readSpan(f, pos, ctx.year);
  if (!span) return null;
  if ("invalid" in span) {
    const message = `Ngày không hợp lệ trong thời hạn "${raw}"`;
    return {
      deadline: make(raw, "unresolved", { note: text }),
      warnings: [warning("deadline_invalid_date", message)],
    };
  }
  let end = pos + span.length;
  if (!before) {
    // `Quý IV/2026 - Quý I/2027`, `Từ tháng 3/2026 đến tháng 9/2026`: two ends written apart.
    const to = /\s*(?:den|toi|-)\s*(?:truoc\s*)?/y;
    to.lastIndex = end;
    const second = to.exec(f) ? readSpan(f, to.lastIndex, ctx.year) : null;
    if (second && !("invalid" in second) && second.to >= span.from) {
      span = {
        ...span,
        to: second.to,
        range: true,
        yearAssumed: span.yearAssumed || second.yearAssumed,
      };
      end = to.lastIndex + second.length;
    }
  }
  const warnings: WarningDraft[] = [];
  const whole = /^(\d{4})-01-01$/.exec(span.from);
  if (part && whole && !span.range && span.to === `${whole[1]}-12-31`) {
    // `Đầu năm 2026`, `Giữa năm 2026`: the end of its first quarter / half.
    span = { ...span, to: `${whole[1]}-${part === "dau" ? "03-31" : "06-30"}` };
    const message = `Thời hạn "${raw}" không ghi ngày cụ thể; đã lấy ${span.to.split("-").reverse().join("/")}`;
    warnings.push(warning("deadline_approximate", message));
  }
  if (span.yearAssumed) {
    warnings.push(
      warning(
        "deadline_year_assumed",
        `Thời hạn "${raw}" không ghi năm; đã lấy năm ${ctx.year} của kế hoạch`,
      ),
    );
  }
  return { deadline: fromSpan(raw, span, before, from, noteOf(text.slice(end))), warnings };
}

function recurring(raw: string, f: string): Deadline | null {
  const hits = RECURRING.map(([re, r]) => ({ r, at: f.search(re) })).filter((h) => h.at >= 0);
  hits.sort((a, b) => a.at - b.at);
  const recurrence = hits[0]?.r ?? (CONTINUOUS.test(f) ? "continuous" : null);
  if (recurrence === null) {
    if (!/dinh\s*ky|\d+\s*thang\s*(?:\/|mot)\s*lan/.test(f)) return null;
    return make(raw, "recurring", { note: raw.trim() });
  }
  const y = /nam\s*(\d{4})(?!\d)/.exec(f);
  const year = y ? Number(y[1]) : null;
  if (year !== null && isPlausibleYear(year)) {
    return make(raw, "recurring", {
      recurrence,
      start: isoDate(year, 1, 1),
      due: isoDate(year, 12, 31),
    });
  }
  return make(raw, "recurring", { recurrence });
}

/** A date written inside other words (`Trình Chính phủ trong Quý II/2026`): the latest one. */
function embedded(raw: string, text: string, f: string): DeadlineParse | null {
  let best: Span | null = null;
  for (const m of f.matchAll(
    /(?<![\p{L}\d])(?=ngay\s*\d|thang\s*\d|quy\s|nam\s*\d{4}|\d{1,2}\/\d)/gu,
  )) {
    const span = readSpan(f, m.index, null);
    if (span && !("invalid" in span) && (!best || span.to > best.to)) best = span;
  }
  if (!best) return null;
  return {
    deadline: make(raw, best.range ? "range" : "date", {
      due: best.to,
      start: best.range ? best.from : null,
      note: text,
    }),
    warnings: [],
  };
}

export function parseDeadline(raw: string, ctx: DeadlineContext): DeadlineParse {
  const { text, fixed } = tidy(raw);
  if (text === "") return { deadline: make(raw, "none"), warnings: [] };
  const f = foldAligned(text);
  // A year written anywhere means `Tháng 6` is not a month of the plan's year (`Tháng 6 và tháng 12/2026`).
  const yearWritten = /(?<!\d)(?:19|20)\d\d(?!\d)/.test(f);
  const lead = leading(raw, text, f, yearWritten ? { year: null } : ctx);
  const rec = recurring(raw, f);
  if (lead && rec && lead.warnings.some((w) => w.code === "deadline_year_assumed")) {
    // `Trước 15/12 hằng năm`: a date in every year, first due in the plan's year.
    return { deadline: { ...rec, due: lead.deadline.due, start: null, note: text }, warnings: [] };
  }
  if (lead) {
    if (fixed && lead.deadline.due) {
      lead.warnings.push(
        warning("deadline_ocr_fixed", `Thời hạn "${raw}" có lỗi gõ; đã đọc là "${text}"`),
      );
    }
    return lead;
  }
  if (rec) return { deadline: rec, warnings: [] };
  if (RELATIVE.test(f))
    return unresolved(raw, text, `Thời hạn tương đối, không có ngày cụ thể: "${text}"`);
  if (ON_DEMAND.test(f))
    return unresolved(
      raw,
      text,
      `Nhiệm vụ thực hiện khi có phát sinh, không có ngày cụ thể: "${text}"`,
    );
  if (DEPENDENT.test(f))
    return unresolved(
      raw,
      text,
      `Thời hạn phụ thuộc tiến độ khác, không có ngày cụ thể: "${text}"`,
    );
  const inner = embedded(raw, text, f);
  if (inner) return inner;
  return unresolved(raw, text, `Không xác định được thời hạn từ "${text}"`);
}
