/**
 * Indicators through the API on plan 596 (README "Indicators"): the responsible unit
 * reports, the monitoring department accepts, the list evaluates as of a date; on SQLite and
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  dueIndicatorValuesSchema,
  indicatorDetailSchema,
  indicatorListSchema,
  pendingIndicatorValuesSchema,
} from "./routes/indicators/indicators.schemas.js";
import {
  call,
  importSeed,
  login,
  makeUser,
  orgId,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;
type Item = {
  id: number;
  number: string;
  kind: string;
  latest: { period: string; value: number } | null;
  achievement: number | null;
  warning: string;
  warningText: string;
  responsible: { id: number; name: string } | null;
};

describe.each(dialects())("indicators (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let ecommerce: User;
  let innovation: User;
  let monitor: User;
  let leader: User;
  const byNumber = new Map<string, Item>();

  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    ecommerce = await makeUser(
      h.ctx,
      "unit_staff",
      await orgId(h.ctx, "Cục Thương mại điện tử và Kinh tế số"),
    );
    innovation = await makeUser(
      h.ctx,
      "unit_head",
      await orgId(h.ctx, "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công"),
    );
    monitor = await makeUser(h.ctx, "monitor");
    leader = await makeUser(h.ctx, "leader");
    const list = await call(h.app, {
      url: `/api/indicators?plan=${plan}&asOf=2026-06-01`,
      headers: leader.headers,
    });
    indicatorListSchema.parse(list.body);
    for (const item of list.body.items as Item[]) byNumber.set(item.number, item);
  });
  afterAll(async () => h.close());

  const report = (user: User, id: number, payload: object) =>
    call(h.app, {
      method: "POST",
      url: `/api/indicators/${id}/values`,
      headers: user.headers,
      payload,
    });
  const review = (valueId: number, payload: object, user = monitor) =>
    call(h.app, {
      method: "POST",
      url: `/api/indicator-values/${valueId}/review`,
      headers: user.headers,
      payload,
    });
  const listAt = async (asOf: string, user = leader) =>
    (await call(h.app, { url: `/api/indicators?plan=${plan}&asOf=${asOf}`, headers: user.headers }))
      .body as { items: Item[]; total: number };

  it("lists plan 596's 11 indicators with inferred kinds and no data yet", () => {
    expect(byNumber.size).toBe(11);
    expect(byNumber.get("4")).toMatchObject({ kind: "level", latest: null, warning: "no_data" });
    expect(byNumber.get("11")?.kind).toBe("cumulative");
    expect(byNumber.get("4")?.responsible?.name).toBe("Cục Thương mại điện tử và Kinh tế số");
  });

  it("indicator 4: 60 reported for 2026-05 and accepted gives latest 60, achievement 0.75", async () => {
    const id = byNumber.get("4")!.id;
    const sent = await report(ecommerce, id, {
      period: "2026-05",
      value: 60,
      note: "Số liệu Cổng DVC",
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ id: expect.any(Number), status: "submitted" });

    const again = await report(ecommerce, id, { period: "2026-05", value: 61 });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain("Tháng 5/2026");

    const pending = (await listAt("2026-06-01")).items.find((i) => i.id === id)!;
    expect(pending.latest).toBeNull();

    expect((await review(sent.body.id, { decision: "accept" }, leader)).status).toBe(403);
    const accepted = await review(sent.body.id, { decision: "accept" });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: "accepted", value: 60 });

    const item = (await listAt("2026-06-01")).items.find((i) => i.id === id)!;
    expect(item.latest).toEqual({ period: "2026-05", value: 60 });
    expect(item.achievement).toBeCloseTo(0.75, 9);
    expect(item.warning).not.toBe("achieved");
    expect(item.warningText).toContain("75% kế hoạch");

    const detail = await call(h.app, {
      url: `/api/indicators/${id}?asOf=2026-06-01`,
      headers: ecommerce.headers,
    });
    expect(detail.status).toBe(200);
    indicatorDetailSchema.parse(detail.body);
    expect(detail.body.values).toEqual([
      expect.objectContaining({
        period: "2026-05",
        value: 60,
        status: "accepted",
        note: "Số liệu Cổng DVC",
        submittedBy: expect.objectContaining({ id: ecommerce.user.id }),
        reviewedBy: expect.objectContaining({ id: monitor.user.id }),
      }),
    ]);
  });

  it("indicator 11: a cumulative 1 of 5 by May is not on track", async () => {
    const id = byNumber.get("11")!.id;
    const sent = await report(innovation, id, { period: "2026-05", value: 1 });
    expect(sent.status).toBe(201);
    expect((await review(sent.body.id, { decision: "accept" })).status).toBe(200);
    const item = (await listAt("2026-06-01")).items.find((i) => i.id === id)!;
    expect(item.achievement).toBeCloseTo(0.2, 9);
    expect(item.warning).toBe("off_track");
  });

  it("refuses another unit, a returned value does not count, a correction supersedes", async () => {
    const id = byNumber.get("4")!.id;
    expect((await report(innovation, id, { period: "2026-04", value: 50 })).status).toBe(403);
    expect((await report(monitor, id, { period: "2026-04", value: 50 })).status).toBe(403);

    const wrong = await report(ecommerce, id, { period: "2026-04", value: 500 });
    const returned = await review(wrong.body.id, { decision: "return", comment: "Tỷ lệ quá 100%" });
    expect(returned.body.status).toBe("returned");
    expect((await review(wrong.body.id, { decision: "accept" })).status).toBe(409);

    const fix = await report(ecommerce, id, { period: "2026-05", value: 64 });
    expect(fix.status).toBe(201);
    await review(fix.body.id, { decision: "accept" });
    const item = (await listAt("2026-06-01")).items.find((i) => i.id === id)!;
    expect(item.latest).toEqual({ period: "2026-05", value: 64 });
    const statuses = (
      await call(h.app, { url: `/api/indicators/${id}`, headers: monitor.headers })
    ).body.values.map((v: { value: number; status: string }) => `${v.value}:${v.status}`);
    expect(statuses).toEqual(
      expect.arrayContaining(["60:superseded", "64:accepted", "500:returned"]),
    );
  });

  it("a statistics system pushes a value with an API token (source api); a signed-in form is source form", async () => {
    const id = byNumber.get("4")!.id;
    const pushed = await call(h.app, {
      method: "POST",
      url: `/api/indicators/${id}/values`,
      headers: { authorization: `Bearer ${ecommerce.token}` },
      payload: { period: "2026-02", value: 41.5, note: "Hệ thống thống kê của Bộ" },
    });
    expect(pushed.status).toBe(201);
    const session = await login(h.app, ecommerce.username, ecommerce.password);
    const typed = await call(h.app, {
      method: "POST",
      url: `/api/indicators/${id}/values`,
      cookies: session.cookies,
      headers: { "x-csrf-token": session.csrf },
      payload: { period: "2026-01", value: 40 },
    });
    expect(typed.status).toBe(201);
    const values = (await call(h.app, { url: `/api/indicators/${id}`, headers: monitor.headers }))
      .body.values as { id: number; source: string; submittedBy: { id: number } }[];
    expect(values.find((v) => v.id === pushed.body.id)).toMatchObject({
      source: "api",
      submittedBy: { id: ecommerce.user.id },
    });
    expect(values.find((v) => v.id === typed.body.id)?.source).toBe("form");
    const noToken = await call(h.app, {
      method: "POST",
      url: `/api/indicators/${id}/values`,
      headers: { authorization: "Bearer gs_unknown" },
      payload: { period: "2026-02", value: 1 },
    });
    expect(noToken.status).toBe(401);
  });

  it("the review queue previews pending values with the previous accepted one and the flags", async () => {
    const id = byNumber.get("4")!.id;
    const sent = await report(ecommerce, id, { period: "2026-06", value: 150, note: "Nhầm?" });
    expect(sent.status).toBe(201);
    const queue = await call(h.app, {
      url: "/api/indicator-values/pending",
      headers: monitor.headers,
    });
    expect(queue.status).toBe(200);
    pendingIndicatorValuesSchema.parse(queue.body);
    const item = queue.body.items.find((v: { id: number }) => v.id === sent.body.id);
    expect(item).toMatchObject({
      value: 150,
      periodLabel: "Tháng 6/2026",
      indicator: { id, number: "4", unit: "%" },
      previous: { period: "2026-05", value: 64 },
      flags: [{ code: "rate_over_100", text: "Tỷ lệ 150% vượt quá 100%." }],
    });
    const periods = queue.body.items.map((v: { submittedBy: { at: string } }) => v.submittedBy.at);
    expect(periods).toEqual([...periods].sort());
    const others = await call(h.app, {
      url: "/api/indicator-values/pending",
      headers: innovation.headers,
    });
    expect(others.body.items.some((v: { id: number }) => v.id === sent.body.id)).toBe(false);
    const detail = await call(h.app, { url: `/api/indicators/${id}`, headers: monitor.headers });
    const shown = detail.body.values.find((v: { id: number }) => v.id === sent.body.id);
    expect(shown.flags.map((f: { code: string }) => f.code)).toEqual(["rate_over_100"]);
    await review(sent.body.id, { decision: "return", comment: "Tỷ lệ không quá 100%" });
  });

  it("the unit's inbox asks for the last month's values not yet accepted; the list counts warnings", async () => {
    const due = async (asOf: string, user: User) =>
      (await call(h.app, { url: `/api/indicators/due?asOf=${asOf}`, headers: user.headers })).body
        .items as { indicator: { id: number }; period: string; state: string }[];
    const id4 = byNumber.get("4")!.id;
    dueIndicatorValuesSchema.parse(
      (
        await call(h.app, {
          url: "/api/indicators/due?asOf=2026-06-01",
          headers: ecommerce.headers,
        })
      ).body,
    );
    const june = await due("2026-06-01", ecommerce);
    expect(june).toHaveLength(3);
    expect(june.every((d) => d.period === "2026-05" && d.state === "missing")).toBe(true);
    expect(june.some((d) => d.indicator.id === id4)).toBe(false);
    const may = await due("2026-05-01", ecommerce);
    expect(may.find((d) => d.indicator.id === id4)).toMatchObject({
      period: "2026-04",
      state: "returned",
    });
    expect((await due("2026-06-01", innovation)).map((d) => d.indicator.id)).not.toContain(
      byNumber.get("11")!.id,
    );

    const list = await listAt("2026-06-01");
    const counts = (list as unknown as { counts: Record<string, number> }).counts;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(list.total);
    expect(counts.no_data).toBe(list.items.filter((i) => i.warning === "no_data").length);
  });

  it("answers a bad period or value with a Vietnamese 400 naming the field", async () => {
    const id = byNumber.get("4")!.id;
    for (const payload of [
      { period: "2026-13", value: 1 },
      { period: "2026-Q5", value: 1 },
      { period: "2099-05", value: 1 },
      { period: "2026-06", value: "sáu mươi" },
    ]) {
      const res = await report(ecommerce, id, payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(/period|value/);
    }
  });

  it("shows a unit only its own indicators; filters by unit and warning", async () => {
    const mine = await listAt("2026-06-01", ecommerce);
    expect(mine.total).toBe(4);
    expect(
      mine.items.every((i) => i.responsible?.name === "Cục Thương mại điện tử và Kinh tế số"),
    ).toBe(true);
    const foreign = byNumber.get("11")!.id;
    const res = await call(h.app, {
      url: `/api/indicators/${foreign}`,
      headers: ecommerce.headers,
    });
    expect(res.status).toBe(403);
    const noData = await call(h.app, {
      url: `/api/indicators?plan=${plan}&asOf=2026-06-01&warning=no_data`,
      headers: leader.headers,
    });
    expect(noData.body.items.every((i: Item) => i.warning === "no_data")).toBe(true);
    expect(noData.body.total).toBe(9);
  });

  it("the monitoring department corrects kind and direction with a reason, audited; null restores the inference", async () => {
    const id = byNumber.get("11")!.id;
    const put = (user: User, payload: object) =>
      call(h.app, {
        method: "PUT",
        url: `/api/indicators/${id}/kind`,
        headers: user.headers,
        payload,
      });
    const change = { kind: "in_period", direction: "higher", reason: "Chỉ tiêu đếm theo từng năm" };
    expect((await put(leader, change)).status).toBe(403);
    expect((await put(innovation, change)).status).toBe(403);
    const noReason = await put(monitor, { kind: "in_period", direction: "higher", reason: " " });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain("lý do");
    expect((await put(monitor, { ...change, kind: "trend" })).status).toBe(400);

    const set = await put(monitor, change);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      id,
      kind: "in_period",
      direction: "higher",
      correction: { kind: "in_period", direction: "higher" },
      inferred: { kind: "cumulative" },
    });
    const audit = await h.ctx.db
      .selectFrom("audit_events")
      .select(["actor_id", "before", "after", "reason"])
      .where("action", "=", "indicator.set_kind")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ actor_id: monitor.user.id, reason: change.reason }),
    ]);

    const back = await put(monitor, { kind: null, direction: null, reason: "Trở lại suy luận" });
    expect(back.body).toMatchObject({ kind: "cumulative", correction: null });
  });
});
