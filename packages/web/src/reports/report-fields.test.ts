import { describe, expect, it } from "vitest";
import type { ReportView } from "../api/types.js";
import { initialFields, liveReport, previousPeriodReport } from "./report-fields.js";

const report = (over: Partial<ReportView>): ReportView => ({
  id: 1,
  taskId: 7,
  orgId: 3,
  orgName: "Vụ Pháp chế",
  period: "2026-11",
  periodLabel: "Tháng 11/2026",
  state: "in_progress",
  completedOn: null,
  progress: 40,
  summary: "Đã có dự thảo",
  difficulties: null,
  proposals: "Gia hạn",
  submittedBy: { id: 9, name: "Chuyên viên" },
  submittedAt: "2026-11-10T03:00:00.000Z",
  status: "returned",
  signedOff: null,
  supersedesId: null,
  evidence: [
    {
      id: 11,
      kind: "file",
      fileName: "a.pdf",
      mime: "application/pdf",
      size: 9,
      reference: null,
      url: null,
      downloadUrl: "/api/evidence/11",
    },
    {
      id: 12,
      kind: "document",
      fileName: null,
      mime: null,
      size: null,
      reference: "Công văn 12/BCT",
      url: null,
      downloadUrl: null,
    },
    {
      id: 13,
      kind: "link",
      fileName: null,
      mime: null,
      size: null,
      reference: null,
      url: "https://moit.gov.vn",
      downloadUrl: null,
    },
  ],
  reviews: [],
  ...over,
});

describe("the report form's first values", () => {
  it("open a returned report's text, files and evidence as its correction", () => {
    const f = initialFields([report({})], "2026-11", "in_progress", null);
    expect(f).toMatchObject({
      period: "2026-11",
      supersedes: 1,
      summary: "Đã có dự thảo",
      progress: "40",
      proposals: "Gia hạn",
      references: "Công văn 12/BCT",
      links: "https://moit.gov.vn",
      keepEvidence: [11],
    });
  });

  it("prefer the user's draft, and start empty for a period without a report", () => {
    const draft = { ...initialFields([], "2026-12", "in_progress", null), summary: "Nháp" };
    expect(initialFields([report({})], "2026-11", "in_progress", draft).summary).toBe("Nháp");
    expect(initialFields([report({})], "2026-12", "in_progress", null)).toMatchObject({
      summary: "",
      keepEvidence: [],
    });
  });

  it("take a period's live report (not one a correction replaced) and the last earlier one", () => {
    const reports = [report({}), report({ id: 2, supersedesId: 1, status: "submitted" })];
    expect(liveReport(reports, "2026-11")?.id).toBe(2);
    expect(previousPeriodReport(reports, "2026-12")?.id).toBe(2);
    expect(previousPeriodReport(reports, "2026-11")).toBeUndefined();
  });
});
