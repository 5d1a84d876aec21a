import { describe, expect, it } from "vitest";
import type { Appendix, ImportResult, Task } from "../import/contract.js";
import { parseDocumentRefs } from "../import/normalise/document-ref.parse.js";
import { matchTasks } from "./index.js";

function task(number: string, name: string, basis = ""): Task {
  return {
    number,
    refNumber: null,
    groupPath: [],
    role: null,
    name,
    basis: parseDocumentRefs(basis),
    leader: null,
    lead: [],
    coordinators: [],
    output: null,
    deadline: { raw: "", kind: "none", due: null, start: null, recurrence: null, note: null },
    kind: "time-bound",
    milestones: [],
    extra: {},
    line: Number(number) || 1,
  };
}

function plan(document: Partial<ImportResult["document"]>, ...tables: Task[][]): ImportResult {
  const appendices: Appendix[] = tables.map((tasks, i) => ({
    title: `Phụ lục ${i + 1}`,
    kind: "tasks",
    columns: [],
    groups: [],
    tasks,
    indicators: [],
  }));
  const doc = {
    kind: null,
    number: null,
    date: null,
    issuer: null,
    title: null,
    draft: false,
    ...document,
  };
  return { document: doc, appendices, warnings: [] };
}

const government = plan({ kind: "Quyết định", issuer: "Ban Chỉ đạo của Chính phủ" }, [
  task(
    "1",
    "Hoàn thiện đồng bộ thể chế, pháp luật về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
  ),
  task(
    "2",
    "Xây dựng, vận hành Hệ thống truy xuất nguồn gốc sản phẩm công nghiệp thuộc các lĩnh vực ưu tiên",
  ),
  task(
    "3",
    "Xây dựng học liệu đào tạo về kỹ năng số, dịch vụ công, thủ tục hành chính cho cán bộ và người dân",
  ),
  task("4", "Tổ chức diễn đàn quốc gia về phát triển công nghiệp bán dẫn"),
]);

const ministry = plan(
  { kind: "Quyết định", number: "596/QĐ-BCT", issuer: "Bộ Công Thương" },
  [
    task(
      "1",
      "Triển khai Hệ thống truy xuất nguồn gốc sản phẩm công nghiệp thuộc các lĩnh vực công nghiệp ưu tiên phát triển",
      "Quyết định số 11/QĐ-BCĐCP ngày 27/02/2026",
    ),
    task(
      "2",
      "Xây dựng học liệu đào tạo về kỹ năng số, Đề án 06, dịch vụ công, thủ tục hành chính",
      "Quyết định số 11/QĐ-BCĐCP ngày 27/02/2026",
    ),
    task(
      "3",
      "Tổ chức hội nghị về an toàn thông tin mạng trong ngành Công Thương",
      "Quyết định số 11/QĐ-BCĐCP ngày 27/02/2026",
    ),
  ],
  [
    task(
      "1",
      "Tập trung rà soát, hoàn thiện đồng bộ thể chế, pháp luật về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
      "Nghị quyết số 11/NQ-CP ngày 14/01/2026",
    ),
  ],
);

describe("matchTasks", () => {
  const matches = matchTasks(ministry, government);
  const pairs = matches.map((m) => `${m.a.appendix}:${m.a.number}-${m.b.number}`);

  it("pairs the tasks that restate each other, across appendices", () => {
    expect(pairs).toEqual(expect.arrayContaining(["0:1-2", "0:2-3", "1:1-1"]));
  });

  it("leaves a task with no counterpart unpaired", () => {
    expect(pairs.some((p) => p.startsWith("0:3-"))).toBe(false);
    expect(pairs.some((p) => p.endsWith("-4"))).toBe(false);
  });

  it("explains each pair in Vietnamese, with the basis that is the other plan", () => {
    const m = matches.find((x) => x.a.number === "1" && x.a.appendix === 0)!;
    expect(m.reasons[0]).toMatch(/^Tên nhiệm vụ giống \d+%$/);
    expect(m.reasons).toContain(
      "Văn bản giao là chính kế hoạch được đối chiếu: Quyết định 11/QĐ-BCĐCP",
    );
    const plain = matches.find((x) => x.a.appendix === 1)!;
    expect(plain.reasons).toHaveLength(1);
  });

  it("tells whether the deadlines of a pair differ", () => {
    const due = (t: Task, iso: string): Task => ({
      ...t,
      deadline: { ...t.deadline, kind: "date", due: iso },
    });
    const [x, y] = [ministry.appendices[1]!.tasks[0]!, government.appendices[0]!.tasks[0]!];
    const reasonsFor = (p: string, q: string) =>
      matchTasks(plan({}, [due(x, p)]), plan({}, [due(y, q)]))[0]!.reasons;
    expect(reasonsFor("2026-12-31", "2026-12-31")).toContain("Cùng thời hạn: 31/12/2026");
    expect(reasonsFor("2026-12-31", "2026-06-30")).toContain(
      "Thời hạn khác nhau: 31/12/2026 và 30/06/2026",
    );
  });

  it("scores in 0..1, sorted best first, one to one", () => {
    for (const m of matches) {
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
    expect([...matches].sort((x, y) => y.score - x.score)).toEqual(matches);
    const a = matches.map((m) => `${m.a.appendix}:${m.a.number}`);
    const b = matches.map((m) => m.b.number);
    expect(new Set(a).size).toBe(a.length);
    expect(new Set(b).size).toBe(b.length);
  });

  it("gives a higher score when the basis is the other plan", () => {
    const withBasis = matchTasks(ministry, government)[0]!;
    const without = plan({}, [{ ...ministry.appendices[0]!.tasks[0]!, basis: [] }]);
    const bare = matchTasks(without, government).find((m) => m.b.number === "2")!;
    expect(withBasis.score).toBeGreaterThan(bare.score);
  });

  it("is deterministic and respects the threshold", () => {
    expect(JSON.stringify(matchTasks(ministry, government))).toBe(JSON.stringify(matches));
    expect(matchTasks(ministry, government, { threshold: 1.01 })).toEqual([]);
    expect(matchTasks(plan({}), government)).toEqual([]);
  });
});
