/**
 * The permission matrix: every endpoint × every role (and no login), table-driven. Each case
 * prepares fresh objects (a report to review, a change request to decide…) so that a success
 * for one role never hides a refusal for another.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import Fastify, { type InjectOptions } from "fastify";
import { writeXlsx } from "@giamsat/core";
import { setSignoffRequired } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, dialects } from "../../db/src/test-support/index.js";
import { RouteTable } from "./http/route.js";
import { registerRoutes } from "./routes/index.js";
import { inAppChannel } from "./notifications/in-app.channel.js";
import { runReminders } from "./notifications/remind.service.js";
import { setPublished } from "./public-plans/public-plans.service.js";
import { submitFeedback } from "./feedback/feedback.service.js";
import { solvedChallenge } from "./test-support/altcha.js";
import type { Role } from "./services/actor.js";
import type { Ctx } from "./services/context.js";
import { proposeChange } from "./services/change-request.service.js";
import { reviewReport, submitReport } from "./services/report.service.js";
import { CLI_REPORT_ACTOR, periodicReportFile } from "./periodic-report/periodic-report.service.js";
import {
  call,
  FILES,
  receivedFile,
  importSeed,
  makeUser,
  multipart,
  seedPath,
  startHarness,
  unitTask,
  type Harness,
  freshPeriod,
} from "./test-support/server-harness.js";

type Who = Role | "anonymous";
const WHO: Who[] = ["anonymous", "admin", "leader", "monitor", "unit_head", "unit_staff"];
type User = Awaited<ReturnType<typeof makeUser>>;

type Case = {
  name: string;
  /** roles that succeed; every other logged-in role gets 403, no login gets 401 */
  allowed: Who[] | "all";
  ok?: number;
  /** the status a logged-in role that is not allowed gets (default 403) */
  refused?: number;
  /** the request to send (prepared fresh for each role) */
  request: () => Promise<InjectOptions>;
};

describe.each(dialects())("permission matrix (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let own: { taskId: number; unitId: number };
  let foreignTask: number;
  const users = {} as Record<Role, User>;

  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    own = await unitTask(h.ctx, plan);
    const other = await buildOrganisation(h.ctx.db, { name: "Sở Thử nghiệm Ngoài phạm vi" });
    foreignTask = (
      await h.ctx.db
        .selectFrom("tasks")
        .select("id")
        .where("plan_id", "=", plan)
        .where("lead_org_id", "!=", own.unitId)
        .where(
          "id",
          "not in",
          h.ctx.db
            .selectFrom("task_orgs")
            .select("task_id")
            .where("org_id", "=", own.unitId)
            .where("task_id", "is not", null),
        )
        .orderBy("id")
        .executeTakeFirstOrThrow()
    ).id;
    foreignLead = other.id;
    for (const role of ["admin", "leader", "monitor"] as const)
      users[role] = await makeUser(h.ctx, role);
    users.unit_head = await makeUser(h.ctx, "unit_head", own.unitId);
    users.unit_staff = await makeUser(h.ctx, "unit_staff", own.unitId);
  });
  afterAll(async () => h.close());

  const actorOfUser = async (id: number) => {
    const { actorFor } = await import("./services/auth.service.js");
    const user = await h.ctx.db
      .selectFrom("users")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return actorFor(h.ctx, user, "token");
  };
  const actorOf = (role: Role) => actorOfUser(users[role].user.id);
  const freshReport = async (files: ReturnType<typeof receivedFile>[] = []) =>
    submitReport(
      h.ctx,
      await actorOf("unit_staff"),
      own.taskId,
      {
        period: freshPeriod(h),
        state: "in_progress",
        summary: "Đang triển khai",
        evidence: [],
        keepEvidence: [],
      },
      files,
    );
  const freshChange = async () =>
    proposeChange(h.ctx, await actorOf("unit_staff"), own.taskId, {
      kind: "change_output",
      reason: "Điều chỉnh sản phẩm",
      output: "Báo cáo mới",
    });
  /** A staff change request of a unit with sign-off on: it waits for the unit head. */
  const waitingChange = async () => {
    await setSignoffRequired(h.ctx.db, own.unitId, true);
    const change = await freshChange();
    await setSignoffRequired(h.ctx.db, own.unitId, false);
    expect(change.status).toBe("awaiting_signoff");
    return change;
  };
  const freshLink = async () => {
    const [a, b] = await h.ctx.db
      .selectFrom("tasks")
      .select("id")
      .where("plan_id", "=", plan)
      .orderBy("id")
      .limit(2)
      .execute();
    await h.ctx.db.deleteFrom("task_links").execute();
    const row = await h.ctx.db
      .insertInto("task_links")
      .values({
        from_task_id: a!.id,
        to_task_id: b!.id,
        kind: "restates",
        score: 0.9,
        reasons: "[]",
        state: "proposed",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };
  let userCounter = 0;
  const freshUser = async () => (await makeUser(h.ctx, "leader")).user.id;
  /** Another user's token: nobody revokes it as their own (404 for users, 401 without login). */
  const freshToken = async () => {
    const other = await makeUser(h.ctx, "leader");
    const row = await h.ctx.db
      .selectFrom("api_tokens")
      .select("id")
      .where("user_id", "=", other.user.id)
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const previewUpload = async () => {
    const form = multipart({}, [
      { field: "file", name: "qd405.txt", content: readFileSync(seedPath("qd405")) },
    ]);
    const res = await h.app.inject({
      method: "POST",
      url: "/api/imports/preview",
      headers: { ...users.monitor.headers, ...form.headers },
      payload: form.payload,
    });
    return (res.json() as { uploadId: string }).uploadId;
  };
  const get = (url: string) => async (): Promise<InjectOptions> => ({ method: "GET", url });
  let keptReport: number | undefined;
  /** Plan 596's indicators, all but the last given to the own unit, and a fresh (indicator, month). */
  let indicators: number[] = [];
  let valueCounter = 0;
  const freshIndicatorValue = () => {
    const k = valueCounter++;
    const own = indicators.slice(0, -1);
    return {
      id: own[k % own.length]!,
      period: `2026-${String(1 + Math.floor(k / own.length)).padStart(2, "0")}`,
    };
  };
  const ownIndicators = async () => {
    if (indicators.length) return indicators;
    const rows = await h.ctx.db
      .selectFrom("indicators")
      .select("id")
      .where("plan_id", "=", plan)
      .orderBy("id")
      .execute();
    indicators = rows.map((r) => r.id);
    await h.ctx.db
      .updateTable("indicators")
      .set({ lead_org_id: own.unitId })
      .where("id", "in", indicators.slice(0, -1))
      .execute();
    await h.ctx.db
      .updateTable("indicators")
      .set({ lead_org_id: foreignLead })
      .where("id", "=", indicators.at(-1)!)
      .execute();
    return indicators;
  };
  let foreignLead = 0;
  const freshValueToReview = async () => {
    await ownIndicators();
    const { id, period } = freshIndicatorValue();
    const { submitIndicatorValue } = await import("./services/indicator.service.js");
    return (
      await submitIndicatorValue(h.ctx, await actorOf("unit_staff"), id, { period, value: 10 })
    ).id;
  };

  let feedbackCount = 0;
  /** A fresh submission, optionally already routed to the own unit (or answered by it). */
  const freshFeedback = async (
    status: "received" | "routed" | "answered" | "published" = "received",
  ) => {
    const { code, secret } = await submitFeedback(h.ctx, {
      kind: "sang_kien",
      title: `Góp ý thử quyền ${++feedbackCount}`,
      content: "Nội dung góp ý",
      name: "Người gửi",
      email: "nguoi.gui@example.vn",
      consent: true,
      publishName: false,
      altcha: "-",
    });
    const row = await h.ctx.db
      .updateTable("feedback")
      .set({ status, unit_id: status === "received" ? null : own.unitId, answer: "Trả lời" })
      .where("code", "=", code)
      .returning(["id", "code"])
      .executeTakeFirstOrThrow();
    return { ...row, secret };
  };
  const cases: Case[] = [
    { name: "GET /api/health", allowed: [...WHO], request: get("/api/health") },
    { name: "GET /api/openapi.json", allowed: [...WHO], request: get("/api/openapi.json") },
    {
      name: "POST /api/auth/login",
      allowed: [...WHO],
      request: async () => ({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: users.leader.username, password: users.leader.password },
      }),
    },
    { name: "GET /api/auth/me", allowed: "all", request: get("/api/auth/me") },
    {
      name: "POST /api/auth/logout",
      allowed: "all",
      request: async () => ({ method: "POST", url: "/api/auth/logout" }),
    },
    {
      // every role's user changes its own password once (the login case above ran before)
      name: "POST /api/auth/password",
      allowed: "all",
      request: async () => ({
        method: "POST",
        url: "/api/auth/password",
        payload: { currentPassword: users.leader.password, newPassword: "mat-khau-moi-2026" },
      }),
    },
    { name: "GET /api/plans", allowed: "all", request: get("/api/plans") },
    {
      name: "GET /api/plans/:id",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/plans/${plan}` }),
    },
    {
      name: "PUT /api/plans/:id/calendar",
      allowed: ["admin", "monitor"],
      request: async () => ({
        method: "PUT",
        url: `/api/plans/${plan}/calendar`,
        payload: { frequency: "monthly", dueDay: 20 },
      }),
    },
    {
      name: "GET /api/tasks",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/tasks?plan=${plan}` }),
    },
    {
      name: "GET /api/tasks/:id (own unit)",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/tasks/${own.taskId}` }),
    },
    {
      name: "GET /api/tasks/:id (other unit)",
      allowed: ["admin", "leader", "monitor"],
      request: async () => ({ method: "GET", url: `/api/tasks/${foreignTask}` }),
    },
    {
      name: "GET /api/tasks/:id/reports",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/tasks/${own.taskId}/reports?offset=0` }),
    },
    {
      name: "GET /api/tasks/:id/reports (other unit)",
      allowed: ["admin", "leader", "monitor"],
      request: async () => ({ method: "GET", url: `/api/tasks/${foreignTask}/reports` }),
    },
    {
      name: "GET /api/tasks/:id/audit",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/tasks/${own.taskId}/audit` }),
    },
    {
      name: "GET /api/tasks/:id/audit (other unit)",
      allowed: ["admin", "leader", "monitor"],
      request: async () => ({ method: "GET", url: `/api/tasks/${foreignTask}/audit` }),
    },
    {
      name: "GET /api/leaders",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/leaders?plan=${plan}` }),
    },
    {
      name: "GET /api/stats",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/stats?plan=${plan}` }),
    },
    {
      name: "GET /api/stats/trend",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/stats/trend?plan=${plan}` }),
    },
    {
      name: "GET /api/overdue",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/overdue?plan=${plan}` }),
    },
    {
      name: "GET /api/scorecards",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/scorecards?plan=${plan}` }),
    },
    {
      name: "GET /api/tasks/export",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/tasks/export?plan=${plan}` }),
    },
    {
      name: "GET /api/stats/export",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/stats/export?plan=${plan}` }),
    },
    {
      name: "GET /api/scorecards/export",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/scorecards/export?plan=${plan}` }),
    },
    {
      name: "POST /api/tasks/:id/reports",
      allowed: ["unit_head", "unit_staff"],
      ok: 201,
      request: async () => ({
        method: "POST",
        url: `/api/tasks/${own.taskId}/reports`,
        payload: {
          period: freshPeriod(h),
          state: "in_progress",
          summary: "Tiến độ 50%",
          progress: 50,
        },
      }),
    },
    {
      name: "POST /api/tasks/:id/reports (other unit)",
      allowed: [],
      request: async () => ({
        method: "POST",
        url: `/api/tasks/${foreignTask}/reports`,
        payload: { state: "in_progress", summary: "Thử" },
      }),
    },
    {
      name: "POST /api/reports/bulk",
      allowed: ["unit_head", "unit_staff"],
      ok: 201,
      request: async () => ({
        method: "POST",
        url: "/api/reports/bulk",
        // a month of its own for each call: a period holds one live report
        payload: {
          taskIds: [own.taskId],
          state: "in_progress",
          summary: "Đang triển khai",
          period: freshPeriod(h),
        },
      }),
    },
    {
      name: "POST /api/reports/bulk (other unit)",
      allowed: [],
      request: async () => ({
        method: "POST",
        url: "/api/reports/bulk",
        payload: {
          taskIds: [own.taskId, foreignTask],
          state: "in_progress",
          summary: "Thử",
          period: freshPeriod(h),
        },
      }),
    },
    {
      name: "POST /api/reports/:id/review",
      allowed: ["monitor"],
      request: async () => ({
        method: "POST",
        url: `/api/reports/${(await freshReport()).id}/review`,
        payload: { decision: "return", comment: "Bổ sung minh chứng" },
      }),
    },
    {
      name: "POST /api/reports/accept",
      allowed: ["monitor"],
      request: async () => ({
        method: "POST",
        url: "/api/reports/accept",
        payload: { reportIds: [(await freshReport()).id, (await freshReport()).id] },
      }),
    },
    {
      name: "GET /api/tasks/:id/report-draft",
      allowed: ["unit_head", "unit_staff"],
      request: async () => ({ method: "GET", url: `/api/tasks/${own.taskId}/report-draft` }),
    },
    {
      name: "PUT /api/tasks/:id/report-draft",
      allowed: ["unit_head", "unit_staff"],
      request: async () => ({
        method: "PUT",
        url: `/api/tasks/${own.taskId}/report-draft`,
        payload: { summary: "Đang soạn" },
      }),
    },
    {
      name: "PUT /api/tasks/:id/report-draft (other unit)",
      allowed: [],
      request: async () => ({
        method: "PUT",
        url: `/api/tasks/${foreignTask}/report-draft`,
        payload: { summary: "Đang soạn" },
      }),
    },
    {
      name: "DELETE /api/tasks/:id/report-draft",
      allowed: ["unit_head", "unit_staff"],
      request: async () => ({ method: "DELETE", url: `/api/tasks/${own.taskId}/report-draft` }),
    },
    {
      name: "POST /api/reports/:id/review/undo",
      allowed: ["monitor"],
      request: async () => {
        const report = await freshReport();
        await reviewReport(h.ctx, await actorOf("monitor"), report.id, {
          decision: "return",
          comment: "Bổ sung minh chứng",
        });
        return { method: "POST", url: `/api/reports/${report.id}/review/undo` };
      },
    },
    {
      name: "POST /api/reports/:id/signoff",
      allowed: ["unit_head"],
      request: async () => {
        // a staff report of a unit with sign-off on waits for its head, on another task of the
        // unit (the test periods of the main task are all taken); the other roles are refused on
        // their role before the report's state is read, so one report serves every role
        const task = await h.ctx.db
          .selectFrom("tasks")
          .select("id")
          .where("lead_org_id", "=", own.unitId)
          .where("kind", "=", "time-bound")
          .where("id", "!=", own.taskId)
          .orderBy("id")
          .executeTakeFirstOrThrow();
        const sent = await h.ctx.db
          .selectFrom("progress_reports")
          .select("id")
          .where("task_id", "=", task.id)
          .executeTakeFirst();
        let id = sent?.id;
        if (id === undefined) {
          await setSignoffRequired(h.ctx.db, own.unitId, true);
          const input = { period: "2026-01", state: "in_progress" as const, summary: "Đang làm" };
          const report = await submitReport(h.ctx, await actorOf("unit_staff"), task.id, {
            ...input,
            evidence: [],
            keepEvidence: [],
          });
          await setSignoffRequired(h.ctx.db, own.unitId, false);
          id = report.id;
        }
        return {
          method: "POST",
          url: `/api/reports/${id}/signoff`,
          payload: { decision: "approve" },
        };
      },
    },
    {
      name: "POST /api/change-requests/:id/signoff",
      allowed: ["unit_head"],
      request: async () => ({
        method: "POST",
        url: `/api/change-requests/${(await waitingChange()).id}/signoff`,
        payload: { decision: "return", reason: "Nêu rõ căn cứ" },
      }),
    },
    {
      name: "POST /api/signoff/approve",
      allowed: ["unit_head"],
      request: async () => ({
        method: "POST",
        url: "/api/signoff/approve",
        payload: { changeRequestIds: [(await waitingChange()).id] },
      }),
    },
    {
      name: "PUT /api/organisations/:id/signoff",
      allowed: ["admin"],
      request: async () => ({
        method: "PUT",
        url: `/api/organisations/${own.unitId}/signoff`,
        payload: { signoffRequired: false },
      }),
    },
    { name: "GET /api/reports", allowed: "all", request: get("/api/reports?status=submitted") },
    {
      name: "GET /api/reports/:id",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/reports/${(await freshReport()).id}` }),
    },
    {
      name: "GET /api/evidence/:id",
      allowed: "all",
      request: async () => {
        const report = await freshReport([receivedFile(h.dataDir, "minh-chung.pdf", FILES.pdf)]);
        return { method: "GET", url: `/api/evidence/${report.evidence[0]!.id}` };
      },
    },
    {
      name: "GET /api/evidence/:id/preview",
      allowed: "all",
      request: async () => {
        const report = await freshReport([receivedFile(h.dataDir, "minh-chung.pdf", FILES.pdf)]);
        return { method: "GET", url: `/api/evidence/${report.evidence[0]!.id}/preview` };
      },
    },
    { name: "GET /api/inbox", allowed: ["unit_head", "unit_staff"], request: get("/api/inbox") },
    {
      name: "POST /api/tasks/:id/change-requests",
      allowed: ["unit_head", "unit_staff"],
      ok: 201,
      request: async () => ({
        method: "POST",
        url: `/api/tasks/${own.taskId}/change-requests`,
        payload: { kind: "extend_deadline", reason: "Chờ ý kiến các bộ", dueDate: "2026-12-31" },
      }),
    },
    {
      name: "PATCH /api/plans/:id",
      allowed: ["monitor"],
      request: async () => ({
        method: "PATCH",
        url: `/api/plans/${plan}`,
        payload: { trackedFrom: null, reason: "Theo dõi từ ngày nhập" },
      }),
    },
    {
      name: "PUT /api/plans/:id/published",
      allowed: ["monitor"],
      request: async () => ({
        method: "PUT",
        url: `/api/plans/${plan}/published`,
        payload: { published: true, reason: "Công khai tiến độ" },
      }),
    },
    { name: "GET /api/public/plans", allowed: [...WHO], request: get("/api/public/plans") },
    { name: "GET /api/public/challenge", allowed: [...WHO], request: get("/api/public/challenge") },
    {
      name: "POST /api/public/feedback",
      allowed: [...WHO],
      ok: 201,
      request: async () => ({
        method: "POST",
        url: "/api/public/feedback",
        remoteAddress: `10.1.0.${++feedbackCount}`,
        payload: {
          kind: "kien_nghi",
          title: `Kiến nghị thử quyền ${++feedbackCount}`,
          content: "Nội dung",
          name: "Người gửi",
          phone: "0912345678",
          consent: true,
          altcha: await solvedChallenge(h.app),
        },
      }),
    },
    {
      name: "GET /api/public/feedback/:code",
      allowed: [...WHO],
      request: async () => ({ url: `/api/public/feedback/${(await freshFeedback()).code}` }),
    },
    {
      name: "POST /api/public/feedback/:code/rating",
      allowed: [...WHO],
      request: async () => {
        const f = await freshFeedback("published");
        return {
          method: "POST",
          url: `/api/public/feedback/${f.code}/rating`,
          payload: { secret: f.secret, rating: 4 },
        };
      },
    },
    {
      name: "GET /api/feedback",
      allowed: ["monitor", "unit_head", "unit_staff"],
      request: get("/api/feedback"),
    },
    {
      name: "GET /api/public/feedback-tasks",
      allowed: [...WHO],
      request: get("/api/public/feedback-tasks?q=chuyen%20doi%20so"),
    },
    {
      name: "GET /api/public/feedback-fields",
      allowed: [...WHO],
      request: get("/api/public/feedback-fields"),
    },
    {
      name: "GET /api/feedback-fields",
      allowed: ["admin", "monitor"],
      request: get("/api/feedback-fields"),
    },
    {
      name: "GET /api/feedback-deadlines",
      allowed: ["admin", "monitor"],
      request: get("/api/feedback-deadlines"),
    },
    {
      name: "PUT /api/feedback-deadlines",
      allowed: ["admin"],
      request: async () => ({
        method: "PUT",
        url: "/api/feedback-deadlines",
        payload: { items: [{ kind: "dat_hang", days: 15 }] },
      }),
    },
    {
      name: "POST /api/feedback-fields",
      allowed: ["admin"],
      ok: 201,
      request: async () => ({
        method: "POST",
        url: "/api/feedback-fields",
        payload: { name: `Lĩnh vực thử quyền ${++feedbackCount}` },
      }),
    },
    {
      name: "PATCH /api/feedback-fields/:id",
      allowed: ["admin"],
      request: async () => {
        const { id } = await h.ctx.db
          .insertInto("feedback_fields")
          .values({ name: `Lĩnh vực đổi tên ${++feedbackCount}`, unit_id: null })
          .returning("id")
          .executeTakeFirstOrThrow();
        return { method: "PATCH", url: `/api/feedback-fields/${id}`, payload: { active: false } };
      },
    },
    {
      name: "POST /api/feedback/:id/merge",
      allowed: ["monitor"],
      request: async () => ({
        method: "POST",
        url: `/api/feedback/${(await freshFeedback()).id}/merge`,
        payload: { into: (await freshFeedback()).code },
      }),
    },
    {
      name: "GET /api/feedback/:id/files/:fileId",
      allowed: ["monitor", "unit_head", "unit_staff"],
      request: async () => {
        const form = multipart(
          {
            kind: "phan_anh",
            title: `Góp ý có tệp ${++feedbackCount}`,
            content: "Nội dung",
            name: "Người gửi",
            phone: "0912345678",
            consent: "true",
            altcha: await solvedChallenge(h.app),
          },
          [{ field: "files", name: "anh-chup.png", content: FILES.png }],
        );
        const sent = await call(h.app, {
          method: "POST",
          url: "/api/public/feedback",
          remoteAddress: `10.3.0.${feedbackCount}`,
          ...form,
        });
        const { id } = await h.ctx.db
          .updateTable("feedback")
          .set({ status: "routed", unit_id: own.unitId })
          .where("code", "=", sent.body.code)
          .returning("id")
          .executeTakeFirstOrThrow();
        const file = await h.ctx.db
          .selectFrom("feedback_files")
          .select("id")
          .where("feedback_id", "=", id)
          .executeTakeFirstOrThrow();
        return { url: `/api/feedback/${id}/files/${file.id}` };
      },
    },
    {
      name: "GET /api/feedback/:id",
      allowed: ["monitor", "unit_head", "unit_staff"],
      request: async () => ({ url: `/api/feedback/${(await freshFeedback("routed")).id}` }),
    },
    {
      name: "POST /api/feedback/:id/route",
      allowed: ["monitor"],
      request: async () => ({
        method: "POST",
        url: `/api/feedback/${(await freshFeedback()).id}/route`,
        payload: { unitId: own.unitId },
      }),
    },
    {
      name: "POST /api/feedback/:id/reject",
      allowed: ["monitor"],
      request: async () => ({
        method: "POST",
        url: `/api/feedback/${(await freshFeedback()).id}/reject`,
        payload: { reason: "Không thuộc phạm vi" },
      }),
    },
    {
      name: "POST /api/feedback/:id/answer",
      allowed: ["unit_head", "unit_staff"],
      request: async () => ({
        method: "POST",
        url: `/api/feedback/${(await freshFeedback("routed")).id}/answer`,
        payload: { answer: "Đơn vị trả lời" },
      }),
    },
    {
      name: "POST /api/feedback/:id/decision",
      allowed: ["monitor"],
      request: async () => ({
        method: "POST",
        url: `/api/feedback/${(await freshFeedback("answered")).id}/decision`,
        payload: { approve: true },
      }),
    },
    {
      name: "GET /api/public/plans/:id",
      allowed: [...WHO],
      request: async () => {
        await setPublished(h.ctx, await actorOf("monitor"), plan, {
          published: true,
          reason: "Công khai tiến độ",
        });
        return { method: "GET", url: `/api/public/plans/${plan}` };
      },
    },
    {
      name: "GET /api/public/plans/:id/data/:file",
      allowed: [...WHO],
      request: async () => {
        await setPublished(h.ctx, await actorOf("monitor"), plan, {
          published: true,
          reason: "Công khai tiến độ",
        });
        return { method: "GET", url: `/api/public/plans/${plan}/data/2026-11.csv` };
      },
    },
    {
      name: "POST /api/tasks/:id/corrections",
      allowed: ["monitor"],
      request: async () => ({
        method: "POST",
        url: `/api/tasks/${own.taskId}/corrections`,
        payload: { reason: "Sai sót khi nhập", output: `Sản phẩm hiệu chỉnh ${Math.random()}` },
      }),
    },
    {
      name: "POST /api/change-requests/:id/decision",
      allowed: ["leader"],
      request: async () => ({
        method: "POST",
        url: `/api/change-requests/${(await freshChange()).id}/decision`,
        payload: { decision: "reject", comment: "Giữ nguyên" },
      }),
    },
    { name: "GET /api/change-requests", allowed: "all", request: get("/api/change-requests") },
    {
      name: "GET /api/imports/progress/:key",
      allowed: ["admin", "monitor"],
      request: async () => ({
        method: "GET",
        url: "/api/imports/progress/5f1c2a3b-0000-4000-8000-000000000000",
      }),
    },
    {
      name: "POST /api/imports/preview",
      allowed: ["admin", "monitor"],
      request: async () => {
        const form = multipart({}, [
          { field: "file", name: "qd405.txt", content: readFileSync(seedPath("qd405")) },
        ]);
        return {
          method: "POST",
          url: "/api/imports/preview",
          headers: form.headers,
          payload: form.payload,
        };
      },
    },
    {
      name: "POST /api/imports",
      allowed: ["admin", "monitor"],
      ok: 201,
      request: async () => ({
        method: "POST",
        url: "/api/imports",
        payload: { uploadId: await previewUpload() },
      }),
    },
    {
      name: "GET /api/organisations",
      allowed: "all",
      request: get("/api/organisations?q=thuong mai"),
    },
    {
      name: "POST /api/organisations",
      allowed: ["admin"],
      ok: 201,
      request: async () => ({
        method: "POST",
        url: "/api/organisations",
        payload: { name: `Sở Mới ${++userCounter}`, kind: "unit" },
      }),
    },
    {
      name: "PATCH /api/organisations/:id",
      allowed: ["admin"],
      request: async () => ({
        method: "PATCH",
        url: `/api/organisations/${own.unitId}`,
        payload: { shortName: "ĐV" },
      }),
    },
    {
      name: "POST /api/organisations/:id/aliases",
      allowed: ["admin", "monitor"],
      ok: 201,
      request: async () => ({
        method: "POST",
        url: `/api/organisations/${own.unitId}/aliases`,
        payload: { alias: `Tên gọi khác ${++userCounter}` },
      }),
    },
    {
      name: "POST /api/organisations/for-alias",
      allowed: ["admin", "monitor"],
      ok: 201,
      request: async () => ({
        method: "POST",
        url: "/api/organisations/for-alias",
        payload: {
          name: `Trung tâm mới ${++userCounter}`,
          parentId: own.unitId,
          alias: `Tên trong văn bản ${userCounter}`,
        },
      }),
    },
    { name: "GET /api/users", allowed: ["admin"], request: get("/api/users") },
    {
      name: "POST /api/users",
      allowed: ["admin"],
      ok: 201,
      request: async () => ({
        method: "POST",
        url: "/api/users",
        payload: { username: `moi${++userCounter}`, role: "leader" },
      }),
    },
    {
      name: "PATCH /api/users/:id",
      allowed: ["admin"],
      request: async () => ({
        method: "PATCH",
        url: `/api/users/${await freshUser()}`,
        payload: { displayName: "Tên mới" },
      }),
    },
    {
      name: "POST /api/users/:id/password",
      allowed: ["admin"],
      request: async () => ({
        method: "POST",
        url: `/api/users/${await freshUser()}/password`,
        payload: {},
      }),
    },
    { name: "GET /api/auth/tokens", allowed: "all", request: get("/api/auth/tokens") },
    {
      name: "POST /api/auth/tokens",
      allowed: "all",
      ok: 201,
      request: async () => ({
        method: "POST",
        url: "/api/auth/tokens",
        payload: { name: "tích hợp" },
      }),
    },
    { name: "GET /api/notifications", allowed: "all", request: get("/api/notifications") },
    {
      name: "GET /api/notifications/unread-count",
      allowed: "all",
      request: get("/api/notifications/unread-count"),
    },
    {
      name: "POST /api/notifications/read",
      allowed: "all",
      request: async () => ({
        method: "POST",
        url: "/api/notifications/read",
        payload: { all: true },
      }),
    },
    {
      name: "GET /api/notifications/preferences",
      allowed: "all",
      request: get("/api/notifications/preferences"),
    },
    {
      name: "PUT /api/notifications/preferences",
      allowed: "all",
      request: async () => ({
        method: "PUT",
        url: "/api/notifications/preferences",
        payload: { kinds: [{ kind: "report_due", inApp: true, email: false }] },
      }),
    },
    { name: "GET /api/admin/outbox", allowed: ["admin"], request: get("/api/admin/outbox") },
    { name: "GET /api/holidays", allowed: ["admin", "monitor"], request: get("/api/holidays") },
    {
      name: "PUT /api/holidays",
      allowed: ["admin"],
      request: async () => ({
        method: "PUT",
        url: "/api/holidays",
        payload: { items: [{ date: "2026-01-01", name: "Tết Dương lịch" }] },
      }),
    },
    {
      name: "GET /api/plans/:id/reminders",
      allowed: ["admin", "monitor"],
      request: async () => ({ method: "GET", url: `/api/plans/${plan}/reminders` }),
    },
    {
      name: "PUT /api/plans/:id/reminders",
      allowed: ["admin"],
      request: async () => ({
        method: "PUT",
        url: `/api/plans/${plan}/reminders`,
        payload: { reportDays: [5, 1], deadlineDays: [15, 5, 1], overdueEveryDays: 7 },
      }),
    },
    {
      name: "DELETE /api/auth/tokens/:id",
      allowed: [],
      refused: 404,
      request: async () => ({ method: "DELETE", url: `/api/auth/tokens/${await freshToken()}` }),
    },
    {
      name: "GET /api/users/:id/tokens",
      allowed: ["admin"],
      request: async () => ({ method: "GET", url: `/api/users/${await freshUser()}/tokens` }),
    },
    {
      name: "DELETE /api/users/:id/tokens/:tokenId",
      allowed: ["admin"],
      request: async () => {
        const other = await makeUser(h.ctx, "leader");
        const [token] = await h.ctx.db
          .selectFrom("api_tokens")
          .select("id")
          .where("user_id", "=", other.user.id)
          .execute();
        return { method: "DELETE", url: `/api/users/${other.user.id}/tokens/${token!.id}` };
      },
    },
    { name: "GET /api/calendars", allowed: ["admin", "monitor"], request: get("/api/calendars") },
    {
      name: "GET /api/indicators",
      allowed: "all",
      request: async () => ({ method: "GET", url: `/api/indicators?plan=${plan}` }),
    },
    { name: "GET /api/indicators/due", allowed: "all", request: get("/api/indicators/due") },
    {
      name: "GET /api/indicators/:id (own unit)",
      allowed: "all",
      request: async () => ({
        method: "GET",
        url: `/api/indicators/${(await ownIndicators())[0]}`,
      }),
    },
    {
      name: "GET /api/indicators/:id (other unit)",
      allowed: ["admin", "leader", "monitor"],
      request: async () => ({
        method: "GET",
        url: `/api/indicators/${(await ownIndicators()).at(-1)}`,
      }),
    },
    {
      name: "POST /api/indicators/:id/values",
      allowed: ["unit_head", "unit_staff"],
      ok: 201,
      request: async () => {
        await ownIndicators();
        const { id, period } = freshIndicatorValue();
        return {
          method: "POST",
          url: `/api/indicators/${id}/values`,
          payload: { period, value: 5 },
        };
      },
    },
    {
      name: "PUT /api/indicators/:id/kind",
      allowed: ["monitor"],
      request: async () => ({
        method: "PUT",
        url: `/api/indicators/${(await ownIndicators())[0]}/kind`,
        payload: { kind: "level", direction: "higher", reason: "Tỷ lệ: giá trị mới nhất" },
      }),
    },
    {
      name: "GET /api/indicator-values/pending",
      allowed: "all",
      request: get("/api/indicator-values/pending"),
    },
    {
      name: "GET /api/indicator-values/template",
      allowed: ["monitor"],
      request: get("/api/indicator-values/template"),
    },
    ...(["/api/indicator-values/import/preview", "/api/indicator-values/import"] as const).map(
      (url): Case => ({
        name: `POST ${url}`,
        allowed: ["monitor"],
        ok: url.endsWith("preview") ? 200 : 201,
        request: async () => {
          const indicator = (await ownIndicators()).at(-1)!;
          const sheet = writeXlsx([
            {
              name: "Giá trị chỉ tiêu",
              rows: [
                [{ text: "Mã chỉ tiêu" }, { text: "Kỳ" }, { text: "Giá trị" }],
                [{ number: indicator }, { text: "2026-01" }, { number: 7 }],
              ],
            },
          ]);
          const form = multipart({}, [
            { field: "file", name: "gia-tri.xlsx", content: Buffer.from(sheet) },
          ]);
          return { method: "POST", url, headers: form.headers, payload: form.payload };
        },
      }),
    ),
    {
      name: "POST /api/indicator-values/:id/review",
      allowed: ["monitor"],
      request: async () => ({
        method: "POST",
        url: `/api/indicator-values/${await freshValueToReview()}/review`,
        payload: { decision: "accept" },
      }),
    },
    {
      name: "GET /api/reports/periodic",
      allowed: ["leader", "monitor"],
      request: async () => get(`/api/reports/periodic?plan=${plan}&asOf=2026-06-01&format=docx`)(),
    },
    {
      name: "GET /api/reports/periodic/preview",
      allowed: ["leader", "monitor"],
      request: async () => get(`/api/reports/periodic/preview?plan=${plan}&asOf=2026-06-01`)(),
    },
    {
      name: "GET /api/reports/periodic/kept",
      allowed: ["leader", "monitor"],
      request: get("/api/reports/periodic/kept"),
    },
    {
      name: "GET /api/reports/periodic/kept/:id",
      allowed: ["leader", "monitor"],
      request: async () => {
        keptReport ??= (
          await periodicReportFile(h.ctx, CLI_REPORT_ACTOR, {
            plan,
            asOf: "2026-06-01",
            period: "month",
            format: "xlsx",
          })
        ).id;
        return { method: "GET", url: `/api/reports/periodic/kept/${keptReport}` };
      },
    },
    {
      name: "GET /api/reports/periodic/draft",
      allowed: ["leader", "monitor"],
      request: async () => get(`/api/reports/periodic/draft?plan=${plan}&asOf=2026-06-01`)(),
    },
    {
      name: "PUT /api/reports/periodic/draft",
      allowed: ["monitor"],
      request: async () => ({
        method: "PUT",
        url: "/api/reports/periodic/draft",
        payload: { plan, asOf: "2026-06-01", assessment: "Đạt yêu cầu." },
      }),
    },
    { name: "GET /api/links", allowed: ["admin", "leader", "monitor"], request: get("/api/links") },
    {
      name: "POST /api/links/:id/decision",
      allowed: ["admin", "monitor"],
      request: async () => ({
        method: "POST",
        url: `/api/links/${await freshLink()}/decision`,
        payload: { decision: "confirm" },
      }),
    },
  ];

  /** Every 2xx body parses with the response schema its route declares (the OpenAPI one). */
  const routes = (() => {
    const table = new RouteTable(Fastify());
    registerRoutes(table, {} as Ctx);
    return new Map(table.routes.map((r) => [`${r.method} ${r.url}`, r]));
  })();
  function expectDeclaredBody(name: string, body: string, type: unknown) {
    const route = routes.get(name.replace(/ \(.*\)$/, ""));
    if (!route) return; // /api/openapi.json: the document itself
    if (route.produces) return expect(String(type)).not.toMatch(/json/);
    const parsed = route.response.safeParse(JSON.parse(body));
    expect(parsed.error?.issues ?? [], name).toEqual([]);
  }

  it("covers every registered route", async () => {
    const doc = (await call(h.app, { url: "/api/openapi.json" })).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    const tested = new Set(cases.map((c) => c.name.replace(/ \(.*\)$/, "")));
    expect(documented.filter((d) => !tested.has(d))).toEqual([]);
  });

  it.each(cases)("$name", async (c) => {
    const outcome: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const who of WHO) {
      const req = await c.request();
      const headers = {
        ...(req.headers ?? {}),
        ...(who === "anonymous" ? {} : users[who].headers),
      };
      const res = await h.app.inject({ ...req, headers });
      outcome[who] = res.statusCode;
      if (res.statusCode < 300) expectDeclaredBody(c.name, res.body, res.headers["content-type"]);
      const allowed = c.allowed === "all" ? who !== "anonymous" : c.allowed.includes(who);
      expected[who] = allowed ? (c.ok ?? 200) : who === "anonymous" ? 401 : (c.refused ?? 403);
    }
    expect(outcome).toEqual(expected);
  });

  /**
   * What each role's lists, totals, exports, searches and notifications hold. The monitoring
   * department (every unit, confidential tasks too) answers the reference list; every other role
   * must get exactly the reference's items on the tasks it may see — none more, none fewer — and
   * its totals must agree with its items. Fixtures: a confidential task of the own unit and a
   * task of another unit, each with a report and a change request.
   */
  describe("list contents and totals per role", () => {
    const ROLES = WHO.filter((w): w is Role => w !== "anonymous");
    /** who reads confidential tasks (a unit head only those of its own units) */
    const SEES_SECRET: Record<Role, boolean> = {
      admin: false,
      leader: true,
      monitor: true,
      unit_head: true,
      unit_staff: false,
    };
    const AS_OF = "2026-09-30";
    let secret: { id: number; name: string };
    let ofUnit = new Set<number>();
    let confidential = new Set<number>();
    const sees = (role: Role, task: number) =>
      (!["unit_head", "unit_staff"].includes(role) || ofUnit.has(task)) &&
      (SEES_SECRET[role] || !confidential.has(task));

    beforeAll(async () => {
      const units = (await actorOf("unit_staff")).units!;
      const unitRows = await h.ctx.db
        .selectFrom("task_orgs")
        .select("task_id")
        .where("org_id", "in", units)
        .execute();
      ofUnit = new Set(unitRows.map((r) => r.task_id));
      secret = await h.ctx.db
        .selectFrom("tasks")
        .select(["id", "name"])
        .where("plan_id", "=", plan)
        .where("lead_org_id", "=", own.unitId)
        .where("kind", "=", "time-bound")
        .where("id", "!=", own.taskId)
        .where("due_date", "<", AS_OF)
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
      await h.ctx.db
        .updateTable("tasks")
        .set({ confidential: 1 })
        .where("id", "=", secret.id)
        .execute();
      confidential = new Set([secret.id]);
      const foreign = await h.ctx.db
        .selectFrom("tasks")
        .select("lead_org_id")
        .where("id", "=", foreignTask)
        .executeTakeFirstOrThrow();
      const foreignHead = await makeUser(h.ctx, "unit_head", foreign.lead_org_id);
      const heads = [
        [secret.id, await actorOf("unit_head")],
        [foreignTask, await actorOfUser(foreignHead.user.id)],
      ] as const;
      for (const [taskId, actor] of heads) {
        const report = { period: "2026-03", state: "in_progress" as const, summary: "Mật" };
        await submitReport(h.ctx, actor, taskId, { ...report, evidence: [], keepEvidence: [] });
        await proposeChange(h.ctx, actor, taskId, {
          kind: "change_output",
          reason: "Lý do",
          output: "Mới",
        });
      }
    });

    type Item = { id: number | string; task: number };
    type ListCase = {
      name: string;
      url: () => string;
      /** roles that may read it (default every role); the first one is the reference */
      roles?: Role[];
      items: (body: any) => Item[]; // eslint-disable-line @typescript-eslint/no-explicit-any
      /** the total the answer states for its items */
      total?: (body: any) => number; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const tasksOf = (b: { items: { id: number }[] }) =>
      b.items.map((t) => ({ id: t.id, task: t.id }));
    const lists: ListCase[] = [
      {
        name: "task list",
        url: () => `/api/tasks?plan=${plan}&asOf=${AS_OF}&limit=500`,
        items: tasksOf,
        total: (b) => b.total,
      },
      {
        name: "task search",
        url: () =>
          `/api/tasks?plan=${plan}&q=${encodeURIComponent(secret.name.split(" ").slice(0, 2).join(" "))}&limit=500`,
        items: tasksOf,
        total: (b) => b.total,
      },
      {
        name: "overdue list",
        url: () => `/api/overdue?plan=${plan}&asOf=${AS_OF}&limit=500`,
        items: tasksOf,
        total: (b) => b.total,
      },
      {
        name: "reports",
        url: () => `/api/reports?plan=${plan}&limit=200`,
        items: (b) =>
          b.items.map((r: { id: number; taskId: number }) => ({ id: r.id, task: r.taskId })),
        total: (b) => b.total,
      },
      {
        name: "change requests",
        url: () => "/api/change-requests",
        items: (b) =>
          b.items.map((c: { id: number; taskId: number }) => ({ id: c.id, task: c.taskId })),
      },
      {
        name: "unit inbox",
        url: () => `/api/inbox?plan=${plan}&asOf=${AS_OF}&limit=100`,
        roles: ["unit_head", "unit_staff"],
        items: (b) =>
          b.items.map((i: { task: { id: number }; period: { key: string } | null }) => ({
            id: `${i.task.id}:${i.period?.key}`,
            task: i.task.id,
          })),
        total: (b) => b.total,
      },
    ];
    const read = async (role: Role, url: string) => {
      const res = await call(h.app, { url, headers: users[role].headers });
      expect(res.status, `${role} ${url}`).toBe(200);
      return res.body;
    };

    it.each(lists)("$name: each role sees the reference's items on its tasks", async (c) => {
      const [reference, ...others] = c.roles ?? [
        "monitor",
        ...ROLES.filter((r) => r !== "monitor"),
      ];
      const refBody = await read(reference!, c.url());
      const refItems = c.items(refBody);
      if (c.total) expect(c.total(refBody)).toBe(refItems.length);
      // the reference holds something the unit staff must not see (or the check proves nothing)
      expect(
        refItems.some((i) => !sees("unit_staff", i.task)),
        c.name,
      ).toBe(true);
      for (const role of others) {
        const body = await read(role, c.url());
        const expected = refItems.filter((i) => sees(role, i.task)).map((i) => i.id);
        expect(
          c.items(body).map((i) => i.id),
          `${c.name} · ${role}`,
        ).toEqual(expected);
        if (c.total) expect(c.total(body), `${c.name} · ${role} total`).toBe(expected.length);
      }
    });

    /** The rows under a sheet's header row ("Nhiệm vụ" in column 5), as that column's text. */
    const exportedNames = async (role: Role, url: string, sheetName: string) => {
      const res = await h.app.inject({ url, headers: users[role].headers });
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const names: string[] = [];
      let header = false;
      book.getWorksheet(sheetName)!.eachRow((row) => {
        const name = String(row.getCell(5).value ?? "");
        if (header) names.push(name);
        header ||= name === "Nhiệm vụ";
      });
      return names;
    };

    it("each role's totals, counts, scorecards, exports and bell agree with its own task lists", async () => {
      // Monday 19/10/2026, a working day before the report day of October: the unit is reminded
      await runReminders(h.ctx, "2026-10-19", { dryRun: false, channels: [inAppChannel(h.ctx)] });
      for (const role of ROLES) {
        type T = { id: number; name: string; status: string; lead: { orgId: number | null }[] };
        const q = `plan=${plan}&asOf=${AS_OF}`;
        const tasks: T[] = (await read(role, `/api/tasks?${q}&limit=500`)).items;
        const overdue: T[] = (await read(role, `/api/overdue?${q}&limit=500`)).items;
        const tally = (keys: (string | number | null | undefined)[]) => {
          const out: Record<string, number> = {};
          for (const k of keys) if (k !== null && k !== undefined) out[k] = (out[k] ?? 0) + 1;
          return out;
        };
        const stats = await read(role, `/api/stats?${q}`);
        expect(stats.total, role).toBe(tasks.length);
        const nonZero = (c: Record<string, number>) =>
          Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0));
        expect(nonZero(stats.counts), role).toEqual(tally(tasks.map((t) => t.status)));
        const trend = await read(role, `/api/stats/trend?${q}`);
        expect(trend.months.at(-1).counts, role).toEqual(stats.counts);
        const cards = (await read(role, `/api/scorecards?${q}`)).items as {
          unitId: number;
          led: number;
        }[];
        expect(Object.fromEntries(cards.map((c) => [c.unitId, c.led])), role).toEqual(
          tally(tasks.map((t) => t.lead[0]?.orgId)),
        );
        const plans = (await read(role, "/api/plans")).items as { id: number; taskCount: number }[];
        expect(plans.find((p) => p.id === plan)?.taskCount, role).toBe(tasks.length);
        expect(await exportedNames(role, `/api/tasks/export?${q}`, "Nhiệm vụ"), role).toEqual(
          tasks.map((t) => t.name),
        );
        expect(await exportedNames(role, `/api/stats/export?${q}`, "Quá hạn"), role).toEqual(
          overdue.map((t) => t.name),
        );
        const bell = (await read(role, "/api/notifications?limit=200")).items as {
          link: string;
          body: string;
        }[];
        const linked = bell.flatMap((n) =>
          [...`${n.link} ${n.body}`.matchAll(/\/nhiem-vu\/(\d+)/g)].map((m) => Number(m[1])),
        );
        expect(
          linked.filter((id) => !sees(role, id)),
          `${role}: notifications`,
        ).toEqual([]);
        // the head hears of the unit's confidential task, the staff of the unit's other tasks
        if (role === "unit_head") expect(linked).toContain(secret.id);
        if (role === "unit_staff") expect(linked).not.toEqual([]);
      }
    });
  });
});
