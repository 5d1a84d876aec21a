/** Wording of report, review and role codes (task statuses come from @giamsat/core). */
export const REPORT_STATE_LABELS: Record<string, string> = {
  not_started: "Chưa triển khai",
  in_progress: "Đang thực hiện",
  completed: "Đã hoàn thành",
  nothing_to_report: "Không phát sinh",
};

export const REVIEW_STATE_LABELS: Record<string, string> = {
  awaiting_signoff: "Chờ ký duyệt",
  submitted: "Chờ duyệt",
  accepted: "Đã chấp nhận",
  returned: "Trả lại",
};

export const ROLE_LABELS: Record<string, string> = {
  admin: "Quản trị hệ thống",
  leader: "Lãnh đạo",
  monitor: "Cơ quan đầu mối theo dõi",
  unit_head: "Lãnh đạo đơn vị",
  unit_staff: "Chuyên viên đơn vị",
};
