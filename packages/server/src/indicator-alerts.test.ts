/**
 * Indicator alerts on plan 596: an accepted value that leaves indicator 11 behind
 * its path tells its responsible unit and the monitoring department once per indicator, level
 * and period; a new accepted period tells again; a value waiting for review is listed in the
 * monitors' daily digest; on SQLite and PostgreSQL.
 */
import { listNotifications } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import { inAppChannel } from "./notifications/in-app.channel.js";
import { runReminders } from "./notifications/remind.service.js";
import {
  call,
  importSeed,
  makeUser,
  orgId,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("indicator alerts (%s)", (dialect) => {
  let h: Harness;
  let head: User;
  let staff: User;
  let other: User;
  let monitor: User;
  let indicator: number;

  beforeAll(async () => {
    h = await startHarness(dialect);
    const plan = await importSeed(h.ctx, "qd596");
    const unit = await orgId(h.ctx, "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công");
    head = await makeUser(h.ctx, "unit_head", unit);
    staff = await makeUser(h.ctx, "unit_staff", unit);
    other = await makeUser(
      h.ctx,
      "unit_staff",
      await orgId(h.ctx, "Cục Thương mại điện tử và Kinh tế số"),
    );
    monitor = await makeUser(h.ctx, "monitor");
    const list = await call(h.app, {
      url: `/api/indicators?plan=${plan}`,
      headers: monitor.headers,
    });
    indicator = (list.body.items as { id: number; number: string }[]).find(
      (i) => i.number === "11",
    )!.id;
  });
  afterAll(async () => h.close());

  /** the unit's head sends a value (waiting for review); returns its id */
  const submit = async (period: string, value: number): Promise<number> => {
    const sent = await call(h.app, {
      method: "POST",
      url: `/api/indicators/${indicator}/values`,
      headers: head.headers,
      payload: { period, value },
    });
    expect(sent.status).toBe(201);
    return sent.body.id as number;
  };
  const accept = async (period: string, value: number) => {
    const id = await submit(period, value);
    const reviewed = await call(h.app, {
      method: "POST",
      url: `/api/indicator-values/${id}/review`,
      headers: monitor.headers,
      payload: { decision: "accept" },
    });
    expect(reviewed.status).toBe(200);
  };
  // as the bell shows them, oldest first
  const alerts = async (user: User) =>
    (
      await listNotifications(h.ctx.db, user.user.id, { unreadOnly: false, limit: 100, offset: 0 })
    ).items
      .filter((n) => n.kind === "indicator_warning")
      .reverse()
      .map((n) => ({ title: n.title, body: n.body, link: n.link }));
  const run = (asOf: string) =>
    runReminders(h.ctx, asOf, { dryRun: false, channels: [inAppChannel(h.ctx)] });

  it("no alert without an accepted value", async () => {
    await run("2026-06-16");
    expect(await alerts(monitor)).toEqual([]);
  });

  it("1 of 5 by May: the unit and the monitors are told once, the other unit not", async () => {
    await accept("2026-05", 1);
    const evaluated = await call(h.app, {
      url: `/api/indicators/${indicator}?asOf=2026-06-16`,
      headers: monitor.headers,
    });
    const level = evaluated.body.warning as string;
    expect(level).toBe("off_track");

    await run("2026-06-16");
    for (const user of [head, staff, monitor]) {
      const got = await alerts(user);
      expect(got).toHaveLength(1);
      expect(got[0]!.link).toBe(`/chi-tieu/${indicator}`);
      expect(got[0]!.title).toMatch(
        /^Cảnh báo chỉ tiêu (có nguy cơ không đạt|chậm tiến độ, khó đạt): Chỉ tiêu 11:/,
      );
      expect(got[0]!.body).toContain("số liệu đến Tháng 5/2026");
      expect(got[0]!.body).toContain(evaluated.body.warningText);
    }
    expect(await alerts(other)).toEqual([]);

    await run("2026-06-17");
    expect(await alerts(monitor)).toHaveLength(1);
  });

  it("a new accepted period that stays behind is told again, once", async () => {
    await accept("2026-06", 1);
    await run("2026-07-01");
    await run("2026-07-02");
    const got = await alerts(head);
    expect(got).toHaveLength(2);
    expect(got[1]!.body).toContain("số liệu đến Tháng 6/2026");
  });

  it("lists a value waiting for review in the monitors' daily digest, not in a notice of its own", async () => {
    await submit("2026-07", 2);
    await run("2026-07-03");
    const digests = (
      await listNotifications(h.ctx.db, monitor.user.id, {
        unreadOnly: false,
        limit: 100,
        offset: 0,
      })
    ).items.filter((n) => n.kind === "review_digest");
    expect(digests.map((n) => n.title)).toEqual(["1 số liệu chỉ tiêu đang chờ duyệt (03/07/2026)"]);
    expect(digests[0]!.body).toMatch(
      /: Chỉ tiêu 11\. .+ — Tháng 7\/2026 \(http:\/\/\S+\/chi-tieu\/\d+\)/,
    );
    expect(digests[0]!.body).toContain(`/chi-tieu/${indicator})`);
  });
});
