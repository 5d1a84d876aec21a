import { listNotifications, queueFanout, savePrefs, type QueuedFanoutRow } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrganisation, dialects } from "../../db/src/test-support/index.js";
import { fanOutAll } from "./notifications/fanout.js";
import { makeUser, startHarness, type Harness } from "./test-support/server-harness.js";

/**
 * One row per message and audience, fanned out to each active recipient and channel they keep:
 * the in-app notification written at once, the e-mail queued in the outbox.
 */
describe.each(dialects())("fan-out of messages to audiences (%s)", (dialect) => {
  let h: Harness;
  const ids: Record<string, number> = {};
  let unit: number;

  beforeAll(async () => {
    h = await startHarness(dialect);
    unit = (await buildOrganisation(h.ctx.db, { name: "Cục Thử nghiệm" })).id;
    const other = (await buildOrganisation(h.ctx.db, { name: "Vụ Khác" })).id;
    const add = async (name: string, role: Parameters<typeof makeUser>[1], org: number | null) =>
      (ids[name] = (await makeUser(h.ctx, role, org)).user.id);
    await add("head", "unit_head", unit);
    await add("gathers", "unit_staff", unit);
    await add("quiet", "unit_staff", unit);
    await add("gone", "unit_staff", unit);
    await add("elsewhere", "unit_staff", other);
    await add("monitor", "monitor", null);
    const email = (name: string) =>
      h.ctx.db
        .updateTable("users")
        .set({ email: `${name}@example.vn` })
        .where("id", "=", ids[name]!)
        .execute();
    await Promise.all(["head", "gathers", "gone", "elsewhere"].map(email));
    await h.ctx.db.updateTable("users").set({ active: 0 }).where("id", "=", ids.gone!).execute();
    await savePrefs(h.ctx.db, ids.gathers!, [
      { kind: "report_due", channel: "email_digest", enabled: true },
    ]);
    await savePrefs(h.ctx.db, ids.quiet!, [
      { kind: "report_due", channel: "in_app", enabled: false },
    ]);
  });
  afterAll(async () => h.close());

  const body = { text: "Nội dung", html: "<p>Nội dung</p>" };
  const row = (
    rule: string,
    kind: string,
    org_id: number,
    audience: QueuedFanoutRow["audience"],
  ): QueuedFanoutRow => ({
    rule,
    item: "x:1",
    period: "2026-06",
    step: "1",
    org_id,
    audience,
    kind,
    subject: rule,
    link: "/",
    body,
  });
  const withSmtp = () => ({
    ...h.ctx,
    config: { ...h.ctx.config, mail: { ...h.ctx.config.mail, smtpUrl: "smtp://127.0.0.1:9" } },
  });

  it("reaches each active member of the audience on the channels they keep, once", async () => {
    const rows = [
      row("report_due", "report_due", unit, "unit"),
      row("task_due", "task_due", unit, "unit_head"),
      row("review_digest", "review_digest", 0, "monitor"),
    ];
    expect(await queueFanout(h.ctx.db, rows)).toBe(3);
    expect(await fanOutAll(withSmtp())).toEqual({ inApp: 4, outbox: 3 });
    const name = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    // e-mails go through the outbox; in-app notifications are written at once (no outbox row)
    const outbox = await h.ctx.db
      .selectFrom("notification_outbox")
      .select(["rule", "recipient_id", "channel", "status", "address", "message_id"])
      .orderBy("id")
      .execute();
    expect(
      outbox.map((o) => `${o.rule} ${name.get(o.recipient_id)} ${o.channel} ${o.status}`),
    ).toEqual([
      "report_due head email pending",
      "report_due gathers email held",
      "task_due head email pending",
    ]);
    expect(outbox[0]!.address).toBe("head@example.vn");
    expect(new Set(outbox.map((o) => o.message_id)).size).toBe(1);
    const bell = () =>
      h.ctx.db
        .selectFrom("notifications")
        .select(["user_id", "kind", "body", "message_id", "outbox_id"])
        .orderBy("id")
        .execute();
    const inApp = await bell();
    expect(inApp.map((n) => `${n.kind} ${name.get(n.user_id)}`)).toEqual([
      "report_due head",
      "report_due gathers",
      "task_due head",
      "review_digest monitor",
    ]);
    // each points to the one stored body (not a copy) and shows it
    expect(inApp.every((n) => n.body === "" && n.outbox_id === null)).toBe(true);
    expect(new Set(inApp.map((n) => n.message_id))).toEqual(new Set([outbox[0]!.message_id]));
    const shown = await listNotifications(h.ctx.db, ids.head!, {
      unreadOnly: false,
      limit: 10,
      offset: 0,
    });
    expect(shown.items.map((n) => n.body)).toEqual([body.text, body.text]);

    // queued again, fanned out again: nothing new
    expect(await queueFanout(h.ctx.db, rows)).toBe(0);
    expect(await fanOutAll(withSmtp())).toEqual({ inApp: 0, outbox: 0 });
    const count = await h.ctx.db
      .selectFrom("notification_outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
    expect(await bell()).toHaveLength(4);
  });
});
