import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateToLatest } from "./migrate.js";
import { migrationProvider } from "./migrations/index.js";
import { rankLeadUnits } from "./repositories/lead-counts.js";
import {
  buildOrganisation,
  buildPlan,
  buildReport,
  buildTask,
  buildUser,
  dialects,
  withTestDatabase,
} from "./test-support/index.js";

describe.each(dialects())("migrations (%s)", (dialect) => {
  it("are applied once and leave a working schema with foreign keys enforced", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      expect((await migrateToLatest(db)).applied).toEqual([]);
      const task = await buildTask(db, { lead_org_id: (await buildOrganisation(db)).id });
      expect(task.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(task.version).toBe(1);
      await expect(
        db
          .insertInto("task_orgs")
          .values({
            task_id: 999_999,
            role: "lead",
            ordinal: 1,
            raw: "x",
            name: "x",
            kind: "unit",
            resolved: 0,
          })
          .execute(),
      ).rejects.toThrow();
      await expect(buildTask(db, { plan_id: task.plan_id, name: "  " })).rejects.toThrow();
    });
  });

  it("go down past the per-unit counts and up again, keeping the data and the counts exact", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const unit = await buildOrganisation(db);
      await buildTask(db, { lead_org_id: unit.id, due_date: "2026-05-31" });
      const before = await rankLeadUnits(db, { asOf: "2026-06-01" });
      const migrator = new Migrator({ db, provider: migrationProvider });
      for (const target of ["0006-task-lead-counts", "0005-task-status-buckets"]) {
        const { error } = await migrator.migrateTo(target);
        expect(error).toBeUndefined();
      }
      const later = Object.keys(await migrationProvider.getMigrations()).filter(
        (name) => name > "0005-task-status-buckets",
      );
      expect((await migrateToLatest(db)).applied).toEqual(later);
      await buildTask(db, { lead_org_id: unit.id, due_date: "2026-05-30" });
      const after = await rankLeadUnits(db, { asOf: "2026-06-01" });
      expect(after.items[0]!.counts.overdue).toBe(before.items[0]!.counts.overdue + 1);
    });
  });

  it("resolve duplicate reports written before one live report per period (0008)", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const migrator = new Migrator({ db, provider: migrationProvider });
      expect((await migrator.migrateTo("0008-report-supersedes-index")).error).toBeUndefined();
      const task = await buildTask(db, { lead_org_id: (await buildOrganisation(db)).id });
      const by = { task_id: task.id, submitted_by: (await buildUser(db)).id };
      const pending = [await buildReport(db, by), await buildReport(db, by)];
      const accepted = [
        await buildReport(db, { ...by, period_key: "2026-02", status: "accepted" }),
        await buildReport(db, { ...by, period_key: "2026-02", status: "accepted" }),
      ];
      const original = await buildReport(db, { ...by, period_key: "2026-01", status: "returned" });
      const fixes = [1, 2, 3].map(async () =>
        buildReport(db, {
          ...by,
          period_key: "2026-01",
          status: "returned",
          supersedes_id: original.id,
        }),
      );
      const [f1, f2, f3] = await Promise.all(fixes);
      expect((await migrateToLatest(db)).applied).toContain("0010-report-integrity");
      const rows = await db
        .selectFrom("progress_reports")
        .select(["id", "superseded", "supersedes_id"])
        .orderBy("id")
        .execute();
      const row = (id: number) => rows.find((r) => r.id === id)!;
      expect([row(pending[0]!.id).superseded, row(pending[1]!.id).superseded]).toEqual([1, 0]);
      expect([row(accepted[0]!.id).superseded, row(accepted[1]!.id).superseded]).toEqual([1, 0]);
      const successors = [f1!, f2!, f3!].map((f) => row(f.id).supersedes_id);
      expect(new Set(successors).size).toBe(3);
      expect(row(original.id).superseded).toBe(1);
      await expect(buildReport(db, by)).rejects.toThrow();
    });
  });

  it("give every indicator a stored row (0021) and move the items to their table and back (0024)", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const migrator = new Migrator({ db, provider: migrationProvider });
      expect((await migrator.migrateTo("0020-feedback")).error).toBeUndefined();
      const plan = await buildPlan(db);
      const indicator = (ordinal: number) =>
        db
          .insertInto("indicators")
          .values({
            plan_id: plan.id,
            appendix_id: plan.appendixId,
            ordinal,
            number: String(ordinal),
            ref_number: null,
            parent_number: null,
            name: `Chỉ tiêu ${ordinal}`,
            name_search: `chi tieu ${ordinal}`,
            unit: "%",
            target: null,
            leader: null,
            lead_org_id: null,
            frequency: null,
            basis: "[]",
            line: ordinal,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
      const [stored, missing] = [await indicator(1), await indicator(2)];
      await sql`INSERT INTO indicator_evaluations
        (indicator_id, plan_id, appendix_id, ordinal, lead_org_id, as_of, warning, item)
        VALUES (${stored.id}, ${plan.id}, ${plan.appendixId}, 1, NULL, '2026-06-01', 'no_data', '{"id":1}')`.execute(
        db,
      );
      expect((await migrateToLatest(db)).applied).toEqual(
        expect.arrayContaining([
          "0021-indicator-evaluation-scope",
          "0024-indicator-evaluation-items",
        ]),
      );
      const rows = await db
        .selectFrom("indicator_evaluations as e")
        .leftJoin("indicator_evaluation_items as i", "i.indicator_id", "e.indicator_id")
        .select(["e.indicator_id", "e.as_of", "e.warning", "i.item"])
        .orderBy("e.indicator_id")
        .execute();
      expect(rows).toEqual([
        { indicator_id: stored.id, as_of: "2026-06-01", warning: "no_data", item: '{"id":1}' },
        { indicator_id: missing.id, as_of: "", warning: "", item: null },
      ]);
      expect((await migrator.migrateTo("0021-indicator-evaluation-scope")).error).toBeUndefined();
      const back = await sql<{ item: string }>`SELECT item FROM indicator_evaluations
        ORDER BY indicator_id`.execute(db);
      expect(back.rows.map((r) => r.item)).toEqual(['{"id":1}', "{}"]);
    });
  });

  it("map the earlier general feedback kind to a recommendation (0034)", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const names = Object.keys(await migrationProvider.getMigrations());
      const before = names[names.indexOf("0034-feedback-kinds") - 1]!;
      const migrator = new Migrator({ db, provider: migrationProvider });
      expect((await migrator.migrateTo(before)).error).toBeUndefined();
      for (const [code, kind] of [
        ["GY-1", "gop_y"],
        ["PA-1", "phan_anh"],
      ]) {
        await sql`INSERT INTO feedback
          (code, kind, title, content, content_key, sender_name, consent_at, secret_hash)
          VALUES (${code}, ${kind}, 't', 'c', ${code}, 'n', '2026-06-01', 'h')`.execute(db);
      }
      expect((await migrateToLatest(db)).applied).toContain("0034-feedback-kinds");
      const rows = await db
        .selectFrom("feedback")
        .select(["code", "kind"])
        .orderBy("code")
        .execute();
      expect(rows).toEqual([
        { code: "GY-1", kind: "kien_nghi" },
        { code: "PA-1", kind: "phan_anh" },
      ]);
    });
  });

  it("let an outbox row have no account, keeping rows and ids going on (0035)", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const names = Object.keys(await migrationProvider.getMigrations());
      const before = names[names.indexOf("0035-outbox-sender-mail") - 1]!;
      const migrator = new Migrator({ db, provider: migrationProvider });
      expect((await migrator.migrateTo(before)).error).toBeUndefined();
      const user = await buildUser(db);
      const row = (item: string, recipient: number | null) => ({
        rule: "r",
        item,
        period: "",
        recipient_id: recipient,
        step: "s",
        channel: "email" as const,
        kind: "k",
        subject: "s",
        body_text: "",
        body_html: "",
        link: "/",
        next_attempt_at: "2026-06-01",
      });
      const a = await db
        .insertInto("notification_outbox")
        .values(row("a", user.id))
        .returning("id")
        .executeTakeFirstOrThrow();
      const b = await db
        .insertInto("notification_outbox")
        .values(row("b", user.id))
        .returning("id")
        .executeTakeFirstOrThrow();
      await db.deleteFrom("notification_outbox").where("id", "=", b.id).execute();
      await expect(
        db.insertInto("notification_outbox").values(row("c", null)).execute(),
      ).rejects.toThrow();
      expect((await migrateToLatest(db)).applied).toContain("0035-outbox-sender-mail");
      const c = await db
        .insertInto("notification_outbox")
        .values(row("c", null))
        .returning("id")
        .executeTakeFirstOrThrow();
      expect(c.id).toBeGreaterThan(b.id);
      const kept = await db
        .selectFrom("notification_outbox")
        .select(["id", "item"])
        .orderBy("id")
        .execute();
      expect(kept).toEqual([
        { id: a.id, item: "a" },
        { id: c.id, item: "c" },
      ]);
    });
  });

  it("keep one notification per outbox row and every fanned-out one through 0039, down and up", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const names = Object.keys(await migrationProvider.getMigrations());
      const lean = "0039-notification-lean-writes";
      const migrator = new Migrator({ db, provider: migrationProvider });
      const before = names[names.indexOf(lean) - 1]!;
      expect((await migrator.migrateTo(before)).error).toBeUndefined();
      const user = await buildUser(db);
      const body = await db
        .insertInto("notification_messages")
        .values({ body_text: "b", body_html: "<p>b</p>" })
        .returning("id")
        .executeTakeFirstOrThrow();
      const note = (outbox: number | null) => ({
        user_id: user.id,
        kind: "k",
        title: "t",
        body: "",
        link: "/",
        outbox_id: outbox,
        message_id: outbox === null ? body.id : null,
      });
      const first = await db
        .insertInto("notifications")
        .values([note(7), note(null), note(null)])
        .returning("id")
        .execute();
      expect((await migrateToLatest(db)).applied).toContain(lean);
      const again = () =>
        db
          .insertInto("notifications")
          .values([note(7), note(8), note(null)])
          .onConflict((oc) => oc.column("outbox_id").where("outbox_id", "is not", null).doNothing())
          .returning("id")
          .execute();
      const added = await again();
      expect(added).toHaveLength(2);
      expect(added[0]!.id).toBeGreaterThan(first[2]!.id);
      const outboxIds = async () =>
        (await db.selectFrom("notifications").select("outbox_id").orderBy("id").execute()).map(
          (r) => r.outbox_id,
        );
      expect(await outboxIds()).toEqual([7, null, null, 8, null]);
      expect((await migrator.migrateTo(before)).error).toBeUndefined();
      await expect(db.insertInto("notifications").values(note(7)).execute()).rejects.toThrow();
      expect((await migrateToLatest(db)).applied).toContain(lean);
      expect(await outboxIds()).toEqual([7, null, null, 8, null]);
    });
  });

  it("move a kept report's file into its pieces (0042) and back", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const names = Object.keys(await migrationProvider.getMigrations());
      const pieces = "0042-periodic-report-chunks";
      const before = names[names.indexOf(pieces) - 1]!;
      const migrator = new Migrator({ db, provider: migrationProvider });
      expect((await migrator.migrateTo(before)).error).toBeUndefined();
      const file = Buffer.from("PK\u0003\u0004 tệp báo cáo");
      const { id } = await sql<{ id: number }>`INSERT INTO periodic_reports
        (as_of, period, format, file_name, mime, size, content)
        VALUES ('2026-06-01', 'month', 'xlsx', 'bc.xlsx', 'x', ${file.length}, ${file})
        RETURNING id`
        .execute(db)
        .then((r) => r.rows[0]!);
      expect((await migrateToLatest(db)).applied).toContain(pieces);
      const stored = await sql<{ seq: number; bytes: Buffer }>`SELECT seq, bytes
        FROM periodic_report_chunks WHERE report_id = ${id}`.execute(db);
      expect(stored.rows.map((r) => [r.seq, Buffer.from(r.bytes).toString()])).toEqual([
        [0, file.toString()],
      ]);
      expect((await migrator.migrateTo(before)).error).toBeUndefined();
      const back = await sql<{ content: Buffer }>`SELECT content FROM periodic_reports
        WHERE id = ${id}`.execute(db);
      expect(Buffer.from(back.rows[0]!.content).toString()).toBe(file.toString());
    });
  });

  it("gives every test its own database", async () => {
    await withTestDatabase(dialect, async (a) => {
      await withTestDatabase(dialect, async (b) => {
        await buildOrganisation(a.db, { name: "Chỉ ở A" });
        const count = await b.db
          .selectFrom("organisations")
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(0);
      });
    });
  });
});
