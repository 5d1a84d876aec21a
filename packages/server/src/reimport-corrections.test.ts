/**
 * Re-importing an amended plan keeps what was decided on a task after import —
 * the monitoring department's corrections and the change requests a leader approved — while the
 * document's other changes apply; the preview names each task and field kept.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  previewUpload,
  seedPath,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;
type Row = { id: number; number: string | null; name: string; line: number; deadline_raw: string };

describe.each(dialects())("re-import keeps corrections (%s)", (dialect) => {
  let h: Harness;
  let monitor: User;
  let leader: User;
  let lines: string[];
  /** a: corrected (deadline, output), renamed by the amended document; b: its deadline amended;
   * c: its output changed by an approved change request */
  let a: Row;
  let b: Row;
  let c: Row;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const plan = await importSeed(h.ctx, "qd596");
    monitor = await makeUser(h.ctx, "monitor");
    leader = await makeUser(h.ctx, "leader");
    lines = readFileSync(seedPath("qd596"), "utf8").split("\n");
    const rows = await h.ctx.db
      .selectFrom("tasks")
      .select(["id", "number", "name", "line", "deadline_raw"])
      .where("plan_id", "=", plan)
      .where("kind", "=", "time-bound")
      .where("lead_org_id", "is not", null)
      .orderBy("ordinal")
      .execute();
    // tasks written on one row of the document, whole: their cells can be edited in the text
    const whole = rows.filter((r) => {
      const text = lines[r.line - 1] ?? "";
      return text.includes(r.name) && text.endsWith(`\t${r.deadline_raw}`);
    });
    expect(whole.length).toBeGreaterThan(2);
    [a, b, c] = whole as [Row, Row, Row];
  });
  afterAll(async () => h.close());

  const task = async (id: number) =>
    (await call(h.app, { url: `/api/tasks/${id}`, headers: monitor.headers })).body;

  it("keeps corrected and approved fields, applies the rest, and the preview says so", async () => {
    const corrected = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${a.id}/corrections`,
      headers: monitor.headers,
      payload: {
        reason: "Văn bản gốc ghi thời hạn cuối năm 2027; nhập nhầm",
        dueDate: "2027-12-31",
        output: "Đề án được Bộ trưởng phê duyệt",
      },
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    const staff = await makeUser(h.ctx, "unit_staff", (await task(c.id)).lead[0].orgId);
    const proposed = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${c.id}/change-requests`,
      headers: staff.headers,
      payload: { kind: "change_output", output: "Bộ tiêu chí đánh giá", reason: "Theo thực tế" },
    });
    const approved = await call(h.app, {
      method: "POST",
      url: `/api/change-requests/${proposed.body.id}/decision`,
      headers: leader.headers,
      payload: { decision: "approve" },
    });
    expect(approved.status).toBe(200);
    const before = { a: await task(a.id), b: await task(b.id), c: await task(c.id) };

    // the amended document: a renamed, b's deadline moved; a's and c's other cells as imported
    const amended = [...lines];
    amended[a.line - 1] = lines[a.line - 1]!.replace(a.name, `${a.name} (sửa đổi)`);
    amended[b.line - 1] = `${lines[b.line - 1]!.slice(0, -b.deadline_raw.length)}30/11/2026`;
    const file = { name: "596-sua-doi.txt", content: Buffer.from(amended.join("\n")) };

    const shown = await previewUpload(h.app, monitor.headers, file);
    expect(shown.status).toBe(200);
    const kept = shown.body.keptCorrections as {
      taskId: number;
      place: string;
      field: string;
      label: string;
      kept: string;
      document: string;
    }[];
    const of = (id: number) => kept.filter((k) => k.taskId === id).map((k) => k.field);
    expect(of(a.id)).toEqual(["deadline", "output"]);
    expect(of(c.id)).toEqual(["output"]);
    expect(of(b.id)).toEqual([]);
    const deadline = kept.find((k) => k.taskId === a.id && k.field === "deadline")!;
    expect(deadline).toMatchObject({
      place: expect.stringMatching(new RegExp(`nhiệm vụ ${a.number}$`)),
      label: "Thời hạn",
      kept: "31/12/2027",
      document: a.deadline_raw,
    });
    expect(kept.find((k) => k.taskId === c.id)).toMatchObject({
      label: "Sản phẩm",
      kept: "Bộ tiêu chí đánh giá",
    });
    // a confidential task's kept values are not shown to an administrator (who may not read it)
    const secret = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${c.id}/corrections`,
      headers: monitor.headers,
      payload: { reason: "Nội dung mật", confidential: true },
    });
    expect(secret.status).toBe(200);
    const admin = await makeUser(h.ctx, "admin");
    const asAdmin = (await previewUpload(h.app, admin.headers, file)).body.keptCorrections as {
      taskId: number;
    }[];
    expect(asAdmin.map((k) => k.taskId)).toEqual([a.id, a.id]);

    const stored = await call(h.app, {
      method: "POST",
      url: "/api/imports",
      headers: monitor.headers,
      payload: { uploadId: shown.body.uploadId },
    });
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body.unchanged).toBe(false);
    // the same fields as the preview named (c is confidential since)
    const fieldsOf = (list: typeof kept) => list.map((k) => `${k.taskId} ${k.field} ${k.kept}`);
    expect(fieldsOf(stored.body.changes.kept)).toEqual(fieldsOf(kept));

    const after = { a: await task(a.id), b: await task(b.id), c: await task(c.id) };
    // a: the document's new name applied, the corrected deadline, output and lead kept
    expect(after.a.name).toBe(`${a.name} (sửa đổi)`);
    expect(after.a.deadline.due).toBe("2027-12-31");
    expect(after.a.output).toBe("Đề án được Bộ trưởng phê duyệt");
    expect(after.a.lead).toEqual(before.a.lead);
    // b, never corrected, follows the document
    expect(after.b.deadline.due).toBe("2026-11-30");
    expect(after.b.deadline.due).not.toBe(before.b.deadline.due);
    // c keeps the approved output
    expect(after.c.output).toBe("Bộ tiêu chí đánh giá");
    expect(after.c.output).toEqual(before.c.output);
  });
});
