/**
 * Assembles the periodic report's content (header, sections with the figures filled in,
 * signature, annexes) from what the server computed. Pure: the same input gives the same model.
 */
import { formatDate } from "../status/date.format.js";
import { parseIsoDate } from "../status/dates.js";
import { STATUS_CODES, STATUS_LABELS } from "../status/status-labels.js";
import {
  INDICATOR_ANNEX,
  indicatorAnnexRow,
  OVERDUE_ANNEX,
  overdueAnnexRow,
  SCORECARD_ANNEX,
  scorecardAnnexRow,
  TASK_ANNEX,
  taskAnnexRow,
} from "./periodic-report.annexes.js";
import type {
  Annex,
  EditableSection,
  PeriodicReportDoc,
  PeriodicReportInput,
  ReportRemark,
  ReportSection,
} from "./periodic-report.model.js";
import { EDITABLE_SECTION_TITLES } from "./periodic-report.model.js";
import { reportPeriodTitle } from "./report-period.js";

/** Overdue tasks named one by one in the body; the rest are in the annex. */
const OVERDUE_IN_BODY = 20;

/** 0.1867 → "18,7%" (Vietnamese decimal comma). */
export function formatShare(share: number): string {
  return `${(Math.round(share * 1000) / 10).toLocaleString("vi-VN")}%`;
}

const share = (n: number, of: number) => (of > 0 ? formatShare(n / of) : "0%");

function overall(input: PeriodicReportInput): string[] {
  const total = STATUS_CODES.reduce((sum, c) => sum + input.counts[c], 0);
  const lines = STATUS_CODES.map(
    (c) => `- ${STATUS_LABELS[c]}: ${input.counts[c]} nhiệm vụ (${share(input.counts[c], total)});`,
  );
  const due = input.scorecards.reduce((s, c) => s + c.reportsDue, 0);
  const onTime = input.scorecards.reduce((s, c) => s + c.reportsOnTime, 0);
  const recurring =
    input.counts.recurring > 0
      ? [
          `Đối với ${input.counts.recurring} nhiệm vụ thường xuyên, các đơn vị đã gửi đúng hạn ` +
            `${onTime}/${due} kỳ báo cáo (${share(onTime, due)}).`,
        ]
      : [];
  return [
    `Tính đến ngày ${formatDate(input.asOf)}, ${input.subject}${input.unit ? ` (đơn vị chủ trì: ${input.unit})` : ""} có ${total} nhiệm vụ, trong đó:`,
    ...lines,
    ...recurring,
  ];
}

function indicators(input: PeriodicReportInput): string[] {
  return input.indicators.map(
    (i) =>
      `- ${i.number ? `${i.number}. ` : ""}${i.name}: ${i.latest || "chưa có số liệu"}` +
      `${i.achievement !== null ? `, đạt ${formatShare(i.achievement)} chỉ tiêu` : ""}` +
      `${i.warning ? `; ${i.warning.replace(/\.$/, "")}` : ""}.`,
  );
}

function overdue(input: PeriodicReportInput, annexLabel: string): string[] {
  if (input.overdue.length === 0) return ["Không có nhiệm vụ chưa hoàn thành – quá hạn."];
  const named = input.overdue
    .slice(0, OVERDUE_IN_BODY)
    .map(
      (t) =>
        `- ${t.number ? `Nhiệm vụ ${t.number}: ` : ""}${t.name} (${t.lead}; hạn ${t.deadline}; ` +
        `quá hạn ${t.daysOverdue} ngày)` +
        `${t.reason ? `. Lý do: ${t.reason}` : ". Đơn vị chưa báo cáo lý do"}` +
        `${t.newDate ? `; thời hạn mới đề xuất: ${formatDate(t.newDate)}` : ""}.`,
    );
  const more = input.overdue.length - named.length;
  return [
    `Có ${input.overdue.length} nhiệm vụ chưa hoàn thành – quá hạn (chi tiết tại ${annexLabel}):`,
    ...named,
    ...(more > 0 ? [`- Và ${more} nhiệm vụ khác tại ${annexLabel}.`] : []),
  ];
}

function lateUnits(input: PeriodicReportInput): string[] {
  const late = input.scorecards.filter((s) => s.reportsOnTime < s.reportsDue);
  if (late.length === 0) return ["Các đơn vị đã gửi đúng hạn mọi kỳ báo cáo đến hạn."];
  return late.map(
    (s) => `- ${s.unit}: gửi đúng hạn ${s.reportsOnTime}/${s.reportsDue} kỳ báo cáo.`,
  );
}

function remarks(list: readonly ReportRemark[], none: string): string[] {
  if (list.length === 0) return [none];
  return list.map((r) => `- ${r.unit} (${r.task}): ${r.text}`);
}

function editable(input: PeriodicReportInput, key: EditableSection, heading: string) {
  const text = input.drafts[key]?.trim();
  const paragraphs = text
    ? text
        .split(/\n+/)
        .map((p) => p.trim())
        .filter(Boolean)
    : [`(Nội dung ${EDITABLE_SECTION_TITLES[key].toLowerCase()} do cơ quan theo dõi bổ sung.)`];
  return { heading, paragraphs, editable: key } satisfies ReportSection;
}

function annexes(input: PeriodicReportInput): Annex[] {
  return [
    { ...TASK_ANNEX, rows: input.tasks.map(taskAnnexRow) },
    { ...OVERDUE_ANNEX, rows: input.overdue.map(overdueAnnexRow) },
    { ...SCORECARD_ANNEX, rows: input.scorecards.map(scorecardAnnexRow) },
    ...(input.indicators.length
      ? [{ ...INDICATOR_ANNEX, rows: input.indicators.map(indicatorAnnexRow) }]
      : []),
  ];
}

/** Every string in NFC: text copied out of the .docx or .pdf compares equal to what was typed. */
function nfc<T>(value: T): T {
  if (typeof value === "string") return value.normalize("NFC") as T;
  if (Array.isArray(value)) return value.map(nfc) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfc(v)])) as T;
  return value;
}

export function buildPeriodicReport(input: PeriodicReportInput): PeriodicReportDoc {
  const period = reportPeriodTitle(input.period, input.asOf);
  const { month, year } = parseIsoDate(input.asOf);
  const list = annexes(input);
  const overdueLabel = list.find((a) => a.key === "overdue")!.label;
  const results: ReportSection[] = [
    { heading: "1. Kết quả chung", paragraphs: overall(input) },
    ...(input.indicators.length
      ? [{ heading: "2. Các chỉ tiêu", paragraphs: indicators(input) }]
      : []),
  ];
  const n = results.length;
  const sections: ReportSection[] = [
    { heading: "I. KẾT QUẢ THỰC HIỆN", paragraphs: [] },
    ...results,
    {
      heading: `${n + 1}. Nhiệm vụ chưa hoàn thành – quá hạn`,
      paragraphs: overdue(input, overdueLabel),
    },
    { heading: `${n + 2}. Đơn vị chậm báo cáo`, paragraphs: lateUnits(input) },
    {
      heading: "II. KHÓ KHĂN, VƯỚNG MẮC",
      paragraphs: remarks(
        input.difficulties,
        "Các báo cáo đã được chấp nhận không nêu khó khăn, vướng mắc.",
      ),
    },
    editable(input, "assessment", "III. ĐÁNH GIÁ CHUNG"),
    editable(input, "directions", "IV. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI"),
    {
      heading: "V. ĐỀ XUẤT, KIẾN NGHỊ",
      paragraphs: remarks(
        input.proposals,
        "Các báo cáo đã được chấp nhận không nêu đề xuất, kiến nghị.",
      ),
    },
  ];
  return nfc({
    header: {
      agency: input.agency.toUpperCase(),
      department: input.department?.toUpperCase() ?? null,
      number: "Số: …/BC-…",
      motto: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
      placeDate: `${input.place}, ngày … tháng ${month} năm ${year}`,
    },
    title: "BÁO CÁO",
    subtitle: `Tình hình thực hiện ${input.subject} ${period}`,
    sections,
    recipients: [
      "- Văn phòng Chính phủ;",
      "- Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số;",
      "- Bộ trưởng (để báo cáo);",
      "- Các Thứ trưởng;",
      "- Các đơn vị thuộc Bộ;",
      "- Lưu: VT, …",
    ],
    signature: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "" },
    annexes: list,
  });
}
