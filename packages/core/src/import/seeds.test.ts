/**
 * The importer on the three real seed documents, held to the figures below, counted by hand in
 * the documents. Seeds are read from ../shared/seeds, beside the repository.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Appendix, ImportResult } from "./contract.js";
import { importDocument, parsePlanText } from "./import-document.js";

const seedsDir = fileURLToPath(new URL("../../../../../shared/seeds/", import.meta.url));
const seedText = (name: string) => readFileSync(seedsDir + name, "utf8");

const strings = (v: unknown, acc: string[] = []): string[] => {
  if (typeof v === "string") acc.push(v);
  else if (v && typeof v === "object") for (const x of Object.values(v)) strings(x, acc);
  return acc;
};
const TAG = /<\/?(p|i|b|u|br|sup|sub|ul|li|strong|em)\b[^>]*>/i;
const task = (ap: Appendix | undefined, n: string) => ap?.tasks.find((t) => t.number === n);
const names = (orgs: { name: string }[] | undefined) => (orgs ?? []).map((o) => o.name);
const perGroup = (ap: Appendix | undefined, groups: string[]) =>
  groups.map((g) => ap?.tasks.filter((t) => t.groupPath[0] === g).length);

function common(name: string, r: ImportResult) {
  it("has no HTML tag in any string", () => {
    expect(strings(r).filter((s) => TAG.test(s))).toEqual([]);
  });
  it("gives byte-identical output for the same input, from text or bytes", () => {
    const again = importDocument(new TextEncoder().encode(seedText(name)));
    expect(JSON.stringify(again)).toBe(JSON.stringify(r));
  });
  it("gives every warning a code, a Vietnamese message and a line inside the file", () => {
    const lines = seedText(name).split("\n").length;
    for (const w of r.warnings) {
      expect(w.code).toMatch(/^[a-z_]+$/);
      expect(w.message.length).toBeGreaterThan(10);
      if (w.line !== null) expect(w.line).toBeGreaterThanOrEqual(1);
      if (w.line !== null) expect(w.line).toBeLessThanOrEqual(lines);
    }
  });
}

describe("qd596: Quyết định 596/QĐ-BCT", () => {
  const name = "qd596-bct-2026-nq57-plan.txt";
  const r = parsePlanText(seedText(name));
  const [p1, p2, p3] = r.appendices;
  common(name, r);

  it("reads the issuing decision", () => {
    expect(r.document).toMatchObject({
      kind: "Quyết định",
      number: "596/QĐ-BCT",
      date: "2026-03-31",
      issuer: "Bộ Công Thương",
      draft: false,
    });
    expect(r.document.title).toMatch(/^Về việc ban hành Kế hoạch năm 2026 của Bộ Công Thương/);
  });

  it("finds three appendices: time-bound tasks, recurring tasks, indicators", () => {
    expect(r.appendices.map((a) => a.kind)).toEqual(["tasks", "tasks", "indicators"]);
    expect(p1?.title).toMatch(/^PHỤ LỤC I — DANH MỤC NHIỆM VỤ .* NHIỆM VỤ CÓ THỜI HẠN$/);
    expect(p1?.tasks.map((t) => t.number)).toEqual(
      Array.from({ length: 28 }, (_, i) => String(i + 1)),
    );
    expect(p1?.tasks.every((t) => t.kind === "time-bound")).toBe(true);
    expect(p2?.tasks.map((t) => t.number)).toEqual(
      Array.from({ length: 63 }, (_, i) => String(i + 1)),
    );
    expect(
      p2?.tasks.every((t) => t.kind === "recurring" && t.deadline.recurrence === "continuous"),
    ).toBe(true);
    expect(p3?.indicators.map((t) => t.number)).toEqual(
      Array.from({ length: 11 }, (_, i) => String(i + 1)),
    );
  });

  it("joins task 4 across the page break and reads its deadline and lead", () => {
    const t4 = task(p1, "4");
    expect(t4?.name).toMatch(/hoàn thành chậm nhất trong quý I\/2026$/);
    expect(t4?.deadline).toMatchObject({ raw: "30/4/2026", kind: "date", due: "2026-04-30" });
    expect(names(t4?.lead)).toEqual(["Vụ Pháp chế"]);
  });

  it("joins a unit name split over a page break with a doubled word (task 7)", () => {
    expect(names(task(p1, "7")?.lead)).toEqual(["Cục Thương mại điện tử và Kinh tế số"]);
  });

  it("reads task 20: lead, abbreviated coordinator, quarter deadline, basis", () => {
    const t20 = task(p1, "20");
    expect(names(t20?.lead)).toEqual(["Cục Công nghiệp"]);
    expect(names(t20?.coordinators)).toContain("Cục Quản lý và Phát triển thị trường trong nước");
    expect(t20?.coordinators.some((o) => o.kind === "group")).toBe(true);
    expect(t20?.deadline.due).toBe("2026-12-31");
    expect(t20?.basis.map((b) => b.number)).toEqual(["11/QĐ-BCĐCP"]);
  });

  it("gives every spelling of Thông báo 17-TB/CQTTBCĐ one key", () => {
    const refs = [...(p1?.tasks ?? []), ...(p2?.tasks ?? [])]
      .flatMap((t) => t.basis)
      .filter((d) => /^17\s*-/.test(d.number ?? "") || /17\s*-\s*TB/.test(d.raw));
    expect(refs.length).toBe(19);
    expect(new Set(refs.map((d) => d.key)).size).toBe(1);
  });

  it("gives PL II task 1 two lead units, each with its scope", () => {
    const lead = task(p2, "1")?.lead ?? [];
    expect(lead.map((o) => [o.name, o.scope])).toEqual([
      ["Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công", "(KHHCN, ĐMST)"],
      ["Cục Thương mại điện tử và Kinh tế số", "(CĐS)"],
    ]);
  });

  it("gives the text glued to a repeated header back to PL II task 10's lead", () => {
    expect(names(task(p2, "10")?.lead)).toEqual([
      "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công",
      "Cục Thương mại điện tử và Kinh tế số",
    ]);
  });

  it("reads the indicators; indicator 3 has no unit and no target", () => {
    const i1 = p3?.indicators[0];
    expect(i1).toMatchObject({ unit: "%", target: { raw: "100" } });
    expect(p3?.indicators[3]?.target?.parts[0]).toMatchObject({ op: ">=", value: 80 });
    expect(p3?.indicators[2]).toMatchObject({ number: "3", unit: null, target: null });
    expect(r.warnings.some((w) => w.code === "indicator_without_target" && w.line === 349)).toBe(
      true,
    );
  });

  it("names the appendix in each warning: PL I and PL II both number their tasks from 1", () => {
    // A warning belongs to the last appendix whose first row is above it.
    const starts = r.appendices.map((a) => ({
      name: a.title.match(/^PHỤ LỤC [IVX]+/)?.[0].replace("PHỤ LỤC", "Phụ lục") ?? "?",
      line: Math.min(...[...a.tasks, ...a.indicators].map((x) => x.line)),
    }));
    expect(r.warnings).toHaveLength(5);
    for (const w of r.warnings) {
      const at = starts.filter((s) => s.line <= (w.line ?? 0)).pop() ?? starts[0];
      expect(w.message).toMatch(new RegExp(`^${at?.name}[,:] `));
      expect(w.message).not.toMatch(/^Phụ lục [IVX]+[,:] (?:Nhiệm vụ|Chỉ tiêu) /);
    }
    expect(r.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^Phụ lục II, nhiệm vụ \d+: /),
    );
  });
});

describe("qd405: Quyết định 405/QĐ-BCT", () => {
  const name = "qd405-bct-2026-2030-digital-transformation.txt";
  const r = parsePlanText(seedText(name));
  const ap = r.appendices.find((a) => a.kind === "tasks");
  common(name, r);

  it("reads a number printed with spaces, and the date", () => {
    expect(r.document).toMatchObject({
      number: "405/QĐ-BCT",
      date: "2026-03-09",
      issuer: "Bộ Công Thương",
      kind: "Quyết định",
    });
  });

  it("finds 9 bold-numbered groups and 28 tasks (2,6,3,3,3,3,3,4,1)", () => {
    expect(r.appendices).toHaveLength(1);
    expect(ap?.groups.map((g) => g.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(ap?.tasks).toHaveLength(28);
    expect(perGroup(ap, ["1", "2", "3", "4", "5", "6", "7", "8", "9"])).toEqual([
      2, 6, 3, 3, 3, 3, 3, 4, 1,
    ]);
  });

  it("keeps the first task of group 8 although it has no number", () => {
    const g8 = ap?.tasks.filter((t) => t.groupPath[0] === "8") ?? [];
    expect(g8.map((t) => t.number)).toEqual([null, "8.2", "8.3", "8.4"]);
    expect(g8[0]?.name).toMatch(/^Xây dựng bộ tiêu chí/);
    expect(r.warnings.some((w) => w.code === "task_without_number" && w.line === 401)).toBe(true);
  });

  it("takes each task's basis from its footnote; footnote 17 covers tasks 6.2–7.3", () => {
    expect(task(ap, "2.1")?.basis.map((d) => d.number)).toContain("02-CTR/BCĐTW");
    for (const n of ["6.2", "6.3", "7.1", "7.2", "7.3"]) {
      expect(task(ap, n)?.basis.map((d) => d.number)).toContain("551/BKHCN-CDSQG");
    }
    expect(task(ap, "6.1")?.basis.map((d) => d.number)).not.toContain("551/BKHCN-CDSQG");
    expect(task(ap, "8.4")?.basis.map((d) => d.number)).toEqual(["71/NQ-CP", "11/2026/QĐ-TTg"]);
  });

  it("reads the deadlines of the spec", () => {
    expect(task(ap, "1.1")?.deadline).toMatchObject({ kind: "recurring", recurrence: "yearly" });
    expect(task(ap, "2.1")?.deadline.due).toBe("2026-12-31");
    expect(task(ap, "2.4")?.deadline).toMatchObject({
      kind: "range",
      start: "2026-01-01",
      due: "2030-12-31",
    });
    expect(task(ap, "2.3")?.deadline).toMatchObject({ kind: "recurring" });
    expect(task(ap, "8.4")?.deadline.kind).toBe("none");
    expect(task(ap, "9.1")?.deadline.kind).toBe("none");
  });

  it("joins continuation rows: task 2.2's name and footnote, task 3.1's coordinator", () => {
    expect(task(ap, "2.2")?.name).toMatch(/để tổng hợp, báo cáo Thủ tướng Chính phủ\.$/);
    expect(task(ap, "2.2")?.basis).not.toEqual([]);
    expect(names(task(ap, "3.1")?.coordinators)).toEqual(["Cục Thương mại điện tử và Kinh tế số"]);
  });
});

describe("bcdcp: Phụ lục II of the Government Steering Committee", () => {
  const name = "bcdcp-2026-appendix2-interministerial-tasks.txt";
  const r = parsePlanText(seedText(name));
  const ap = r.appendices.find((a) => a.kind === "tasks");
  common(name, r);

  it("reads a document that is only an appendix, with a blank number", () => {
    expect(r.document).toMatchObject({
      number: null,
      date: null,
      issuer: "Ban Chỉ đạo của Chính phủ",
    });
  });

  it("finds 8 Roman groups and 98 tasks numbered on across groups", () => {
    expect(ap?.groups.map((g) => g.number)).toEqual([
      "I",
      "II",
      "III",
      "IV",
      "V",
      "VI",
      "VII",
      "VIII",
    ]);
    expect(ap?.tasks.map((t) => t.number)).toEqual(
      Array.from({ length: 98 }, (_, i) => String(i + 1)),
    );
    expect(perGroup(ap, ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"])).toEqual([
      17, 14, 19, 30, 4, 7, 6, 1,
    ]);
  });

  it("reads the spot checks of the spec", () => {
    expect(names(task(ap, "40")?.lead)).toEqual(["Bộ Công Thương"]);
    expect(task(ap, "40")?.deadline).toMatchObject({ raw: "Trong năm 2026", due: "2026-12-31" });
    expect(task(ap, "62")?.deadline.due).toBe("2026-06-30");
    expect(task(ap, "67")?.deadline.due).toBe("2026-02-28");
    const t1 = task(ap, "1");
    expect(t1?.deadline).toMatchObject({ kind: "unresolved", due: null });
    expect(t1?.lead.map((o) => [o.name, o.kind])).toEqual([["Các bộ, ngành, địa phương", "group"]]);
    expect(names(t1?.coordinators)).toEqual([
      "Bộ Tư pháp",
      "Bộ Công an",
      "Bộ Nội vụ",
      "Bộ Khoa học và Công nghệ",
      "Văn phòng Chính phủ",
    ]);
    expect(task(ap, "98")?.lead).toHaveLength(3);
  });

  it("joins continuation rows that hold only a later column", () => {
    expect(task(ap, "33")?.basis.map((d) => d.number)).toContain("2629/QĐ-TTg");
    expect(task(ap, "14")?.name).toMatch(
      /văn bản quy phạm pháp luật quy định về định danh truy xuất nguồn gốc hóa chất, tiền chất$/,
    );
    expect(task(ap, "14")?.output).toBe("Văn bản quy phạm pháp luật được ban hành");
  });
});
