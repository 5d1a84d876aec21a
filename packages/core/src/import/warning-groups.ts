/**
 * The import's warnings as the monitoring department reads them: grouped by what they mean for
 * the plan (a Vietnamese heading and what to do), not by code. (Each warning's message already
 * names its place, "Phụ lục II, nhiệm vụ 12: …", when a plan has several appendices.)
 */
import type { Warning } from "./contract.js";

export type WarningGroup = {
  id: string;
  title: string;
  explanation: string;
  codes: readonly string[];
};

export const WARNING_GROUPS: readonly WarningGroup[] = [
  {
    id: "units",
    title: "Đơn vị chưa nhận diện được",
    explanation:
      "Tên cơ quan, đơn vị không có trong danh mục, hoặc có ở nhiều cơ quan. Nhiệm vụ vẫn được lưu với tên như trong văn bản; hãy chỉ ra đơn vị mà tên gọi này chỉ tới (hoặc tạo đơn vị mới) ở mục “Đơn vị chưa nhận diện được” để đơn vị đó nhận được nhiệm vụ.",
    codes: ["org_unresolved", "org_ambiguous"],
  },
  {
    id: "six-clear",
    title: "Thiếu thông tin “06 rõ”",
    explanation:
      "Nhiệm vụ hoặc chỉ tiêu thiếu người chủ trì, thời hạn, sản phẩm, văn bản giao hoặc giá trị mục tiêu. Văn bản vẫn nhập được; cần bổ sung với đơn vị ban hành hoặc điều chỉnh nhiệm vụ sau khi nhập.",
    codes: [
      "missing_name",
      "missing_lead",
      "missing_deadline",
      "missing_output",
      "missing_basis",
      "column_missing",
      "indicator_without_target",
    ],
  },
  {
    id: "deadlines",
    title: "Thời hạn chưa xác định được ngày",
    explanation:
      "Thời hạn viết theo cách không quy ra được một ngày (phụ thuộc việc khác, không rõ ràng, ngày không có thật) hoặc chỉ quy ra gần đúng. Hệ thống không tự đặt ngày; nhiệm vụ sẽ không bị tính là quá hạn cho đến khi có thời hạn rõ.",
    codes: [
      "deadline_unresolved",
      "deadline_approximate",
      "deadline_invalid_date",
      "milestone_after_deadline",
      "deadline_order_conflict",
      "deadline_order_unproven",
    ],
  },
  {
    id: "corrected",
    title: "Đã tự sửa khi đọc — nên xem lại",
    explanation:
      "Lỗi chính tả, chữ bị cắt khi ngắt trang hoặc dòng bị dính đã được hệ thống hiểu lại theo danh mục. Thường đúng; xem nhanh để chắc chắn.",
    codes: ["org_corrected", "deadline_ocr_fixed", "deadline_month_first", "name_recovered"],
  },
  {
    id: "table",
    title: "Bảng có thể bị đọc sai",
    explanation:
      "Số thứ tự nhảy cóc, trùng hoặc không tăng dần, dòng không có số thứ tự, ô bị lệch cột, chú thích không tìm thấy. Đối chiếu các vị trí này với văn bản gốc trước khi lưu.",
    codes: [
      "no_tables",
      "table_kind_doubtful",
      "row_ambiguous",
      "row_shifted",
      "task_without_number",
      "number_gap",
      "number_duplicate",
      "number_order",
      "footnote_missing",
    ],
  },
  {
    id: "prose",
    title: "Nhiệm vụ đọc từ câu văn — cần xác nhận",
    explanation:
      "Văn bản không có bảng nhiệm vụ; các nhiệm vụ dưới đây được đọc từ những câu giao việc (“Giao … chủ trì, phối hợp với … xây dựng …, hoàn thành …”). Chỉ nhiệm vụ được đánh dấu xác nhận mới được lưu; đối chiếu từng nhiệm vụ với câu văn gốc.",
    codes: ["task_from_prose"],
  },
  {
    id: "document",
    title: "Thông tin của văn bản",
    explanation: "Số hiệu, ngày hoặc cơ quan ban hành chưa đầy đủ (thường là bản dự thảo).",
    codes: ["document_number_blank"],
  },
];

const OTHER: WarningGroup = {
  id: "other",
  title: "Cảnh báo khác",
  explanation: "Những điểm khác cần xem lại khi đối chiếu với văn bản gốc.",
  codes: [],
};

/** The warnings by group, in the order above (groups without warnings left out; unknown codes last). */
export function groupWarnings(
  warnings: readonly Warning[],
): { group: WarningGroup; warnings: Warning[] }[] {
  const groupOf = new Map(WARNING_GROUPS.flatMap((g) => g.codes.map((c) => [c, g] as const)));
  const byGroup = new Map<WarningGroup, Warning[]>();
  for (const w of warnings) {
    const group = groupOf.get(w.code) ?? OTHER;
    byGroup.set(group, [...(byGroup.get(group) ?? []), w]);
  }
  return [...WARNING_GROUPS, OTHER]
    .filter((g) => byGroup.has(g))
    .map((group) => ({ group, warnings: byGroup.get(group)! }));
}
