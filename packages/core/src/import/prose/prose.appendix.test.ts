/**
 * A meeting conclusion with no task table: the sentences that assign a task
 * become proposed tasks with lead, coordinators, what and deadline as written, each flagged for
 * confirmation with its sentence; sentences that assign nothing are left alone.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../import-document.js";
import { PROSE_APPENDIX_TITLE, PROSE_SENTENCE } from "./prose.appendix.js";

const CONCLUSION = readFileSync(
  fileURLToPath(new URL("../fixtures/thong-bao-ket-luan.txt", import.meta.url)),
  "utf8",
);

describe("tasks assigned in prose", () => {
  const result = parsePlanText(CONCLUSION);
  const appendix = result.appendices[0]!;

  it("proposes one task per assigning sentence, in an appendix of its own", () => {
    expect(result.appendices).toHaveLength(1);
    expect(appendix.title).toBe(PROSE_APPENDIX_TITLE);
    expect(
      appendix.tasks.map((t) => [
        t.name,
        t.lead.map((o) => o.raw).join(),
        t.coordinators.map((o) => o.raw),
        t.deadline.raw,
        t.deadline.due,
      ]),
    ).toEqual([
      [
        "Xây dựng Đề án phát triển hạ tầng số quốc gia",
        "Bộ Khoa học và Công nghệ",
        ["Bộ Tài chính", "các cơ quan liên quan"],
        "hoàn thành trong tháng 6/2025",
        "2025-06-30",
      ],
      [
        "Hoàn thiện Cơ sở dữ liệu quốc gia về dân cư, báo cáo Thủ tướng Chính phủ",
        "Bộ Công an",
        ["Văn phòng Chính phủ"],
        "trước ngày 30/9/2025",
        "2025-09-29",
      ],
      [
        "Rà soát chức năng, nhiệm vụ của các đơn vị chuyên trách về chuyển đổi số",
        "Bộ Nội vụ",
        [],
        "",
        null,
      ],
    ]);
  });

  it("keeps each sentence beside its task and flags every task for confirmation", () => {
    expect(appendix.tasks[0]!.extra[PROSE_SENTENCE]).toMatch(/^Giao Bộ Khoa học/);
    const flags = result.warnings.filter((w) => w.code === "task_from_prose");
    expect(flags.map((w) => w.line)).toEqual(appendix.tasks.map((t) => t.line));
    expect(flags[0]!.message).toMatch(/cần xác nhận trước khi lưu: “Giao Bộ Khoa học/);
    expect(result.warnings.map((w) => w.code)).not.toContain("no_tables");
    expect(appendix.tasks.every((t) => t.output === null && t.number === null)).toBe(true);
  });

  it("reads the front matter as usual", () => {
    expect(result.document).toMatchObject({ number: "215/TB-VPCP", date: "2025-05-12" });
  });

  it("proposes nothing from a document whose sentences assign nothing", () => {
    const r = parsePlanText("Kính gửi các đơn vị.\nĐề nghị báo cáo trước ngày 30/6/2026.\n");
    expect(r.appendices).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain("no_tables");
  });
});
