/**
 * The catalogue of warning codes the table model emits, each with what it means for the
 * monitoring department. Codes are stable (tests, the preview screen and saved imports rely on
 * them); normalisers add their own codes (deadline_*, org_*, document_*), listed in their modules.
 */
export const TABLE_WARNINGS = {
  no_tables: "Không tìm thấy bảng nhiệm vụ hoặc chỉ tiêu nào (không nhận ra dòng tiêu đề cột).",
  column_missing:
    "Bảng không có cột cho một thông tin “06 rõ” (chủ trì, thời hạn, kết quả, văn bản giao).",
  table_kind_doubtful:
    "Bảng được đọc là bảng chỉ tiêu dù có cột của bảng nhiệm vụ (hoặc ngược lại): cần kiểm tra loại bảng.",
  row_ambiguous:
    "Dòng không có số thứ tự: không chắc là phần tiếp theo của dòng trên hay một dòng mới.",
  row_shifted: "Các ô của dòng có vẻ bị lệch cột (thừa ô, hoặc nội dung không hợp với cột).",
  name_recovered: "Tên nhiệm vụ bị dính vào dòng trên khi chuyển đổi và đã được tách lại.",
  task_without_number: "Dòng được coi là nhiệm vụ dù không có số thứ tự.",
  number_gap: "Số thứ tự bị nhảy cóc (thiếu số).",
  number_duplicate: "Số thứ tự bị trùng.",
  number_order: "Số thứ tự không theo thứ tự tăng dần.",
  missing_name: "Dòng có số thứ tự nhưng không có tên nhiệm vụ/chỉ tiêu.",
  missing_lead: "Nhiệm vụ không có cơ quan/đơn vị chủ trì (thiếu “rõ trách nhiệm”).",
  missing_deadline: "Nhiệm vụ không có thời hạn (thiếu “rõ thời gian”).",
  missing_output: "Nhiệm vụ không có kết quả/sản phẩm đầu ra (thiếu “rõ sản phẩm”).",
  missing_basis: "Nhiệm vụ không có văn bản giao (thiếu căn cứ giao).",
  milestone_after_deadline: "Mốc thực hiện có thời hạn sau thời hạn của nhiệm vụ.",
  deadline_month_first:
    "Cột thời hạn ghi ngày theo kiểu tháng/ngày/năm (mẫu tiếng Anh) và đã được đọc theo thứ tự đó.",
  deadline_order_conflict:
    "Cột thời hạn có cả ngày ghi ngày/tháng/năm và ngày ghi tháng/ngày/năm: cần kiểm tra từng ngày.",
  deadline_order_unproven:
    "Bảng theo mẫu tiếng Anh có ngày như 05/06/2026 mà không ngày nào cho biết thứ tự ngày và tháng: đã đọc theo ngày/tháng/năm.",
  footnote_missing: "Có dấu chú thích nhưng không tìm thấy nội dung chú thích.",
  indicator_without_target: "Chỉ tiêu không có giá trị mục tiêu.",
  document_number_blank: "Số văn bản để trống (bản dự thảo hoặc chưa ban hành).",
  task_from_prose:
    "Nhiệm vụ đọc từ một câu văn (văn bản không có bảng nhiệm vụ): cần xác nhận trước khi lưu.",
} as const;

export type TableWarningCode = keyof typeof TABLE_WARNINGS;
