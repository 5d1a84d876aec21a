/**
 * One sentence that assigns a task in prose, as meeting conclusions and plans without a table
 * write it: "Giao Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Tài chính xây dựng Đề án …,
 * hoàn thành trong tháng 6/2025." → who leads, who coordinates, what, and when — each the text
 * as written, nothing added. A sentence that does not name a lead with "chủ trì" is not one.
 */
export type AssignmentText = {
  sentence: string;
  lead: string;
  coordinators: string;
  name: string;
  deadline: string;
};

/** `Giao`/`Đề nghị`/`Yêu cầu` + who + `chủ trì`, or a sentence opening with a body + `chủ trì`. */
const OPENING =
  /^(?:[-–+•]\s*)?(?:(?:\d+|[a-zđ])[.)]\s*)?(?:(?:giao(?:\s+cho)?|đề\s+nghị|yêu\s+cầu)\s+(.+?)|((?:các\s+)?(?:bộ|sở|ủy\s+ban|ubnd|văn\s+phòng|cục|vụ|ban|tổng\s+cục|thanh\s+tra|ngân\s+hàng|đài|thông\s+tấn\s+xã|học\s+viện|viện)(?![\p{L}\d]).+?))\s+(?:chủ\s+trì|chịu\s+trách\s+nhiệm\s+chủ\s+trì)(?![\p{L}\d])[,:]?\s*(.*)$/iu;

/** The verbs an assigned action starts with (where a list of coordinators ends). */
const ACTION =
  /(?:^|[\s,;])((?:khẩn\s+trương\s+|tiếp\s+tục\s+|tập\s+trung\s+)?(?:xây\s+dựng|nghiên\s+cứu|ban\s+hành|trình|tổ\s+chức|triển\s+khai|hoàn\s+thiện|rà\s+soát|đề\s+xuất|hướng\s+dẫn|thực\s+hiện|báo\s+cáo|sửa\s+đổi|đánh\s+giá|tham\s+mưu|chuẩn\s+bị|phát\s+triển|nâng\s+cấp|đẩy\s+mạnh|xử\s+lý|kiểm\s+tra|theo\s+dõi|tổng\s+hợp|lập|cung\s+cấp|bảo\s+đảm|đảm\s+bảo)(?![\p{L}\d]).*)$/iu;

/** Where the deadline starts, at the sentence's end: `, hoàn thành trong tháng 6/2025`. */
const DEADLINE =
  /[,;]?\s*((?:hoàn\s+thành|thời\s+hạn|báo\s+cáo\s+kết\s+quả|trình)?\s*(?:trong|trước|chậm\s+nhất(?:\s+(?:trong|trước|vào))?|vào|xong\s+trước)\s+(?:ngày|tháng|quý|năm|\d{1,2}\/)[^,;]*)$/iu;

const trimEnd = (t: string) => t.replace(/[\s.,;:]+$/u, "").trim();

export function readAssignment(sentence: string): AssignmentText | null {
  const text = sentence.replace(/\s+/g, " ").trim();
  const m = OPENING.exec(text);
  if (!m) return null;
  const lead = trimEnd(m[1] ?? m[2] ?? "");
  let rest = m[3] ?? "";
  if (lead === "" || lead.length > 200 || rest === "") return null;
  let coordinators = "";
  const with_ = /^phối\s+hợp(?:\s+chặt\s+chẽ)?\s+với\s+(.*)$/iu.exec(rest);
  if (with_) {
    const action = ACTION.exec(with_[1]!);
    if (!action) return null;
    coordinators = trimEnd(with_[1]!.slice(0, action.index));
    rest = action[1]!;
  }
  const due = DEADLINE.exec(rest);
  const deadline = due ? trimEnd(due[1]!) : "";
  const name = trimEnd(due ? rest.slice(0, due.index) : rest);
  if (name.length < 8) return null;
  return {
    sentence: text,
    lead,
    coordinators,
    name: name[0]!.toUpperCase() + name.slice(1),
    deadline,
  };
}

/** A paragraph's sentences (a sentence ends at `.` or `;` before a capital letter or a dash). */
export function sentencesOf(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.;])\s+(?=[\p{Lu}\-–+•])/u)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
