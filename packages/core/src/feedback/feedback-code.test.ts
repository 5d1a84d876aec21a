import { describe, expect, it } from "vitest";
import { canMoveFeedback, isFeedbackOverdue } from "./feedback-kinds.js";
import {
  addWorkingDays,
  FEEDBACK_CODE_PATTERN,
  feedbackCode,
  feedbackContentKey,
} from "./feedback-code.js";

describe("feedback codes, content keys and deadlines", () => {
  it("makes a readable code of the day and six characters", () => {
    const code = feedbackCode("2026-12-04", new Uint8Array([0, 1, 2, 30, 31, 255]));
    expect(code).toMatch(FEEDBACK_CODE_PATTERN);
    expect(code.startsWith("GY-20261204-")).toBe(true);
  });

  it("compares content without diacritics, case or spacing", () => {
    expect(feedbackContentKey("Đường  xá", "Hỏng nặng!")).toBe(
      feedbackContentKey("duong xa", "hong   NANG"),
    );
    expect(feedbackContentKey("Đường", "hỏng")).not.toBe(feedbackContentKey("Đường", "tốt"));
  });

  it("counts working days over weekends and holidays", () => {
    // Friday 04/12/2026 + 1 → Monday 07/12; + 15 with no holidays → Friday 25/12.
    expect(addWorkingDays("2026-12-04", 1, new Set())).toBe("2026-12-07");
    expect(addWorkingDays("2026-12-04", 15, new Set())).toBe("2026-12-25");
    expect(addWorkingDays("2026-12-04", 1, new Set(["2026-12-07"]))).toBe("2026-12-08");
  });

  it("allows only the handling transitions", () => {
    expect(canMoveFeedback("received", "routed")).toBe(true);
    expect(canMoveFeedback("answered", "published")).toBe(true);
    expect(canMoveFeedback("received", "published")).toBe(false);
    expect(canMoveFeedback("published", "routed")).toBe(false);
  });

  it("calls a routed submission overdue only after its deadline", () => {
    expect(isFeedbackOverdue("routed", "2026-12-03", "2026-12-04")).toBe(true);
    expect(isFeedbackOverdue("routed", "2026-12-04", "2026-12-04")).toBe(false);
    expect(isFeedbackOverdue("answered", "2026-12-03", "2026-12-04")).toBe(false);
    expect(isFeedbackOverdue("routed", null, "2026-12-04")).toBe(false);
  });
});
