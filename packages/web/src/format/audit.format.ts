/** Vietnamese wording of the audit trail's actions (the code itself when unknown). */
const ACTIONS: Record<string, string> = {
  "change_request.propose": "Đề xuất điều chỉnh",
  "change_request.approve": "Chấp thuận đề xuất điều chỉnh",
  "change_request.reject": "Không chấp thuận đề xuất điều chỉnh",
  "task.extend_deadline": "Gia hạn nhiệm vụ",
  "task.reassign": "Giao lại đơn vị chủ trì",
  "task.change_output": "Thay đổi sản phẩm",
  "task.cancel": "Huỷ nhiệm vụ",
  "task.add": "Thêm nhiệm vụ khi nhập kế hoạch",
  "task.amend": "Sửa nhiệm vụ khi nhập lại kế hoạch",
  "task.remove": "Đưa nhiệm vụ ra khỏi kế hoạch",
  "task.correct": "Hiệu chỉnh nhiệm vụ sau khi nhập",
  "report.submit": "Gửi báo cáo tiến độ",
  "report.accept": "Chấp nhận báo cáo",
  "report.return": "Trả lại báo cáo",
  "report.review_undo": "Hoàn tác quyết định thẩm định",
  "link.confirm": "Xác nhận liên kết nhiệm vụ",
  "link.reject": "Bác liên kết nhiệm vụ",
};

export const auditActionLabel = (action: string): string => ACTIONS[action] ?? action;
