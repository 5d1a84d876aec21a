import { checkDocxConformance, vietnamDay } from "@giamsat/core";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { beginKeptReport, completeKeptReport, dropKeptReport } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "../test-support/server-harness.js";
import { KeptFileWriter } from "./kept-file.writer.js";
import { checkPdfConformance } from "./pdf-conformance.js";
import { CLI_REPORT_ACTOR, periodicReportFor } from "./periodic-report.service.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("GET /api/reports/periodic (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let leader: User;
  let monitor: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    leader = await makeUser(h.ctx, "leader");
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const download = async (query: string, user: User = leader) =>
    h.app.inject({ url: `/api/reports/periodic?${query}`, headers: user.headers });

  const overdueTotal = async (asOf: string) =>
    (
      await call(h.app, {
        url: `/api/overdue?plan=${plan}&asOf=${asOf}&limit=1`,
        headers: leader.headers,
      })
    ).body.total as number;

  it("plan 596 as of 01/06/2026: a conforming .docx naming its 17 overdue tasks, annexes of 91 and 17 rows", async () => {
    const res = await download(`plan=${plan}&asOf=2026-06-01&format=docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    expect(res.headers["content-disposition"]).toContain(".docx");
    const check = checkDocxConformance(res.rawPayload);
    expect(check.problems).toEqual([]);
    expect(check.fonts).toEqual(["Times New Roman"]);
    expect(check.sections[0]).toMatchObject({ orientation: "portrait", widthMm: 210 });
    expect(check.sections.slice(1).map((s) => s.orientation)).toEqual(
      check.annexTables.map(() => "landscape"),
    );

    const overdue = await overdueTotal("2026-06-01");
    expect(overdue).toBe(17);
    const text = check.paragraphs.join("\n");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("BỘ CÔNG THƯƠNG");
    expect(text).toContain("tháng 5/2026");
    expect(text).toContain(`Có ${overdue} nhiệm vụ chưa hoàn thành – quá hạn`);
    expect(text).toContain("Tính đến ngày 01/06/2026");
    const [tasks, overdueAnnex] = check.annexTables;
    expect(tasks!.rows).toBe(91 + 1); // the header row and one row per task
    expect(overdueAnnex!.rows).toBe(overdue + 1);
    expect(overdueAnnex!.fixed).toBe(true);
  });

  it("plan 596 as .pdf: A4, Liberation Serif embedded, Vietnamese copies out, 17 overdue tasks and their annex", async () => {
    const res = await download(`plan=${plan}&asOf=2026-06-01&format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    if (process.env.GIAMSAT_KEEP_PDF) writeFileSync(process.env.GIAMSAT_KEEP_PDF, res.rawPayload);
    const check = checkPdfConformance(res.rawPayload);
    expect(check.problems).toEqual([]);
    expect(check.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ""))).toContain("LiberationSerif");
    const text = check.text.replace(/\s+/g, " ");
    expect(text).toContain("Có 17 nhiệm vụ chưa hoàn thành – quá hạn");
    expect(text).toContain("Tính đến ngày 01/06/2026");
    expect(text).toContain("NHIỆM VỤ CHƯA HOÀN THÀNH – QUÁ HẠN");
    // the overdue annex numbers its rows 1…17: each overdue task's number follows its row number
    const overdue = await call(h.app, {
      url: `/api/overdue?plan=${plan}&asOf=2026-06-01&limit=100`,
      headers: leader.headers,
    });
    const annex = text.slice(text.indexOf("NHIỆM VỤ CHƯA HOÀN THÀNH – QUÁ HẠN"));
    for (const t of overdue.body.items as { name: string }[])
      expect(annex).toContain(t.name.replace(/\s+/g, " ").slice(0, 30));
  });

  it("plan 596 as .xlsx: one sheet per annex, frozen and filtered header, 91 task rows, dates as dates", async () => {
    const res = await download(`plan=${plan}&asOf=2026-06-01&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "PL I - Nhiệm vụ",
      "PL II - Quá hạn",
      "PL III - Đơn vị",
      "PL IV - Chỉ tiêu",
    ]);
    const [tasks, overdue] = book.worksheets;
    expect(tasks!.rowCount).toBe(1 + 91);
    expect(overdue!.rowCount).toBe(1 + 17);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
    expect(tasks!.getRow(1).getCell(4).value).toBe("Nhiệm vụ");
    const due = overdue!.getRow(2).getCell(5);
    expect(due.value).toBeInstanceOf(Date);
    expect(due.numFmt).toBe("dd/mm/yyyy");
    expect((due.value as Date).toISOString().slice(0, 10) < "2026-06-01").toBe(true);
    expect(overdue!.getRow(2).getCell(6).value).toBe(62);
  });

  it("the conformance check finds a margin, a font and a body size that break the rules", async () => {
    const res = await download(`plan=${plan}&asOf=2026-06-01&format=docx`);
    const files = unzipSync(res.rawPayload);
    const xml = strFromU8(files["word/document.xml"]!)
      .replace(/w:left="1701"/, 'w:left="1000"')
      .replace(
        /(<w:jc w:val="both"\/>[\s\S]*?<w:rPr>)/,
        '$1<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>',
      )
      .replace(/(<w:jc w:val="both"\/>[\s\S]*?)<w:sz w:val="28"\/>/, '$1<w:sz w:val="22"/>');
    const broken = zipSync({ ...files, "word/document.xml": strToU8(xml) });
    const problems = checkDocxConformance(broken).problems.join("\n");
    expect(problems).toContain("lề trái là 17.6 mm");
    expect(problems).toContain("“Arial”");
    expect(problems).toContain("Cỡ chữ nội dung là 11 pt");
  });

  it("the unit's stated reason, new date, difficulties and proposals reach the report", async () => {
    const asOf = vietnamDay();
    const overdue = await call(h.app, {
      url: `/api/overdue?plan=${plan}&asOf=${asOf}&limit=1`,
      headers: leader.headers,
    });
    const task = overdue.body.items[0] as { id: number; lead: { orgId: number }[] };
    const staff = await makeUser(h.ctx, "unit_staff", task.lead[0]!.orgId);
    const sent = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${task.id}/reports`,
      headers: staff.headers,
      payload: {
        state: "in_progress",
        progress: 60,
        summary: "Đang hoàn thiện dự thảo.",
        difficulties: "Chờ ý kiến thẩm định của Bộ Tư pháp",
        proposals: "Đề nghị Văn phòng Bộ đôn đốc thẩm định",
      },
    });
    expect(sent.status).toBe(201);
    const review = await call(h.app, {
      method: "POST",
      url: `/api/reports/${sent.body.id}/review`,
      headers: monitor.headers,
      payload: { decision: "accept" },
    });
    expect(review.status).toBe(200);
    const extension = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${task.id}/change-requests`,
      headers: staff.headers,
      payload: { kind: "extend_deadline", reason: "Chờ thẩm định", dueDate: "2027-03-31" },
    });
    expect(extension.status).toBe(201);

    const res = await download(`plan=${plan}&asOf=${asOf}&format=docx`, monitor);
    expect(res.statusCode).toBe(200);
    const check = checkDocxConformance(res.rawPayload);
    expect(check.problems).toEqual([]);
    const text = check.paragraphs.join("\n");
    expect(text).toContain(
      "Lý do: Chờ ý kiến thẩm định của Bộ Tư pháp; thời hạn mới đề xuất: 31/03/2027",
    );
    expect(text).toMatch(/\(nhiệm vụ [^)]+\): Chờ ý kiến thẩm định của Bộ Tư pháp/);
    expect(text).toContain("Đề nghị Văn phòng Bộ đôn đốc thẩm định");
    expect(text).toContain("Đang thực hiện 60%");
  });

  it("the monitoring department's sections are saved as a draft, audited, and go into the report", async () => {
    const scope = `plan=${plan}&asOf=2026-06-01&period=month`;
    const empty = await call(h.app, {
      url: `/api/reports/periodic/draft?${scope}`,
      headers: leader.headers,
    });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      sections: { assessment: "", directions: "" },
      updatedAt: null,
      updatedBy: null,
    });
    const payload = {
      plan,
      asOf: "2026-06-01",
      period: "month",
      assessment: "Tiến độ chung đạt yêu cầu.\nMột số nhiệm vụ chậm do thủ tục.",
      directions: "Tập trung hoàn thành các nhiệm vụ quá hạn trong tháng 6.",
    };
    const byLeader = await call(h.app, {
      method: "PUT",
      url: "/api/reports/periodic/draft",
      headers: leader.headers,
      payload,
    });
    expect(byLeader.status).toBe(403);
    const saved = await call(h.app, {
      method: "PUT",
      url: "/api/reports/periodic/draft",
      headers: monitor.headers,
      payload,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.updatedBy).toBe(monitor.user.displayName);
    const read = await call(h.app, {
      url: `/api/reports/periodic/draft?${scope}`,
      headers: leader.headers,
    });
    expect(read.body.sections.directions).toBe(payload.directions);
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .select(["actor_id", "after"])
      .where("action", "=", "periodic_report.draft_save")
      .execute();
    expect(audit).toEqual([
      { actor_id: monitor.user.id, after: expect.stringContaining("tháng 6") },
    ]);

    const res = await download(`${scope}&format=docx`);
    const text = checkDocxConformance(res.rawPayload).paragraphs;
    const at = text.indexOf("III. ĐÁNH GIÁ CHUNG");
    expect(text.slice(at + 1, at + 3)).toEqual([
      "Tiến độ chung đạt yêu cầu.",
      "Một số nhiệm vụ chậm do thủ tục.",
    ]);
    expect(text).toContain(payload.directions);
    // another date is another report: its own (empty) draft
    const other = await download(`plan=${plan}&asOf=2026-07-01&format=docx`);
    expect(checkDocxConformance(other.rawPayload).paragraphs).not.toContain(payload.directions);
  });

  it("every generated report is kept: listed with who and what, downloaded again byte for byte", async () => {
    const res = await download(`plan=${plan}&asOf=2026-06-01&format=pdf`, monitor);
    const id = Number(res.headers["x-report-id"]);
    const list = await call(h.app, {
      url: `/api/reports/periodic/kept?plan=${plan}`,
      headers: leader.headers,
    });
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      id,
      generatedBy: monitor.user.displayName,
      plan: { id: plan },
      asOf: "2026-06-01",
      period: "month",
      format: "pdf",
      size: res.rawPayload.length,
    });
    const again = await h.app.inject({
      url: `/api/reports/periodic/kept/${id}`,
      headers: leader.headers,
    });
    expect(again.statusCode).toBe(200);
    expect(again.headers["content-type"]).toBe("application/pdf");
    expect(Buffer.compare(again.rawPayload, res.rawPayload)).toBe(0);
    const events = await h.ctx.db
      .selectFrom("audit_events")
      .select("actor_id")
      .where("action", "=", "periodic_report.generate")
      .where("entity_id", "=", String(id))
      .execute();
    expect(events).toEqual([{ actor_id: monitor.user.id }]);
    expect(
      (await call(h.app, { url: "/api/reports/periodic/kept/999999", headers: leader.headers }))
        .status,
    ).toBe(404);
  });

  it("every plan as .xlsx: one row per task of every plan, read page by page, kept and downloaded again byte for byte", async () => {
    const other = await importSeed(h.ctx, "qd405");
    const total = async (query: string) =>
      (
        await call(h.app, {
          url: `/api/tasks?asOf=2026-06-01&limit=1${query}`,
          headers: leader.headers,
        })
      ).body.total as number;
    const all = await total("");
    expect(all).toBe((await total(`&plan=${plan}`)) + (await total(`&plan=${other}`)));
    const res = await download(`plan=all&asOf=2026-06-01&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(Number(res.headers["content-length"])).toBe(res.rawPayload.length);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload);
    const [tasks, overdue] = book.worksheets;
    expect(tasks!.rowCount).toBe(1 + all);
    expect(overdue!.rowCount).toBe(1 + (await total("&status=overdue")));
    // numbered 1… in plan order, plan 596's rows first as in its own report
    expect(tasks!.getRow(2).getCell(1).value).toBe(1);
    expect(tasks!.getRow(all + 1).getCell(1).value).toBe(all);
    const again = await h.app.inject({
      url: `/api/reports/periodic/kept/${res.headers["x-report-id"]}`,
      headers: leader.headers,
    });
    expect(Buffer.compare(again.rawPayload, res.rawPayload)).toBe(0);
  });

  it("keeps a file of several pieces whole, and nothing of a file whose writing failed", async () => {
    const bytes = randomBytes(2_500_000);
    const id = await beginKeptReport(h.ctx.db, {
      generated_by: null,
      plan_id: plan,
      unit_id: null,
      as_of: "2026-06-01",
      period: "month",
      format: "xlsx",
      file_name: "thu.xlsx",
      mime: "application/octet-stream",
    });
    const writer = new KeptFileWriter(h.ctx.db, id);
    await pipeline(Readable.from([bytes.subarray(0, 700_000), bytes.subarray(700_000)]), writer);
    const pieces = await h.ctx.db
      .selectFrom("periodic_report_chunks")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("report_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(Number(pieces.n)).toBe(3);
    // not complete yet: neither listed nor served
    const missing = await call(h.app, {
      url: `/api/reports/periodic/kept/${id}`,
      headers: leader.headers,
    });
    expect(missing.status).toBe(404);
    await completeKeptReport(h.ctx.db, id, writer.size);
    const read = await h.app.inject({
      url: `/api/reports/periodic/kept/${id}`,
      headers: leader.headers,
    });
    expect(Buffer.compare(read.rawPayload, bytes)).toBe(0);
    await dropKeptReport(h.ctx.db, id);
    expect(
      await h.ctx.db
        .selectFrom("periodic_report_chunks")
        .where("report_id", "=", id)
        .selectAll()
        .execute(),
    ).toEqual([]);
  });

  it("a Word or PDF report of more tasks than a document holds is refused in Vietnamese", async () => {
    const actor = { ...CLI_REPORT_ACTOR };
    const scope = { plan, asOf: "2026-06-01", period: "month" as const };
    await expect(periodicReportFor(h.ctx, actor, scope, 50)).rejects.toThrow(
      /Báo cáo có 91 nhiệm vụ, nhiều hơn 50 .*tải bản Excel/,
    );
    expect((await periodicReportFor(h.ctx, actor, scope, 91)).annexes[0]!.rows).toHaveLength(91);
  });

  it("only leaders and the monitoring department; bad parameters get a Vietnamese 400", async () => {
    const { unitId } = await unitTask(h.ctx, plan);
    const head = await makeUser(h.ctx, "unit_head", unitId);
    expect((await download(`plan=${plan}&asOf=2026-06-01&format=docx`, head)).statusCode).toBe(403);
    const bad = async (query: string) => {
      const res = await download(query);
      expect(res.statusCode).toBe(400);
      return (res.json() as { message: string }).message;
    };
    expect(await bad(`plan=${plan}&asOf=2026-02-30&format=docx`)).toContain(
      "Ngày phải là ngày có thật",
    );
    expect(await bad(`plan=${plan}&asOf=2026-06-01&format=odt`)).toContain("Định dạng (format)");
    expect(await bad(`plan=x&asOf=2026-06-01&format=docx`)).toContain("Kế hoạch (plan)");
    expect(await bad(`plan=${plan}&asOf=2026-06-01&format=docx&period=week`)).toContain(
      "Kỳ báo cáo",
    );
    expect((await download(`plan=999999&asOf=2026-06-01&format=docx`)).statusCode).toBe(404);
  });
});
