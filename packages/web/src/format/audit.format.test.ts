import { describe, expect, it } from "vitest";
import { auditActionLabel } from "./audit.format.js";

describe("auditActionLabel", () => {
  it("words known actions in Vietnamese and keeps unknown codes readable", () => {
    expect(auditActionLabel("change_request.approve")).toBe("Chấp thuận đề xuất điều chỉnh");
    expect(auditActionLabel("task.extend_deadline")).toBe("Gia hạn nhiệm vụ");
    expect(auditActionLabel("plan.something_new")).toBe("plan.something_new");
  });
});
