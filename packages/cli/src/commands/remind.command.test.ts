import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, openRuntime, type Ctx } from "@giamsat/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects } from "../../../db/src/test-support/index.js";
import { runCli } from "../test-support/run-cli.js";
import { startSmtpSink, type SmtpSink } from "../../../server/src/test-support/smtp-sink.js";

const P596 = fileURLToPath(
  new URL("../../../../../shared/seeds/qd596-bct-2026-nq57-plan.txt", import.meta.url),
);
const UNIT = "Cục Thương mại điện tử và Kinh tế số";

async function withCliDatabase(
  dialect: "sqlite" | "postgres",
  fn: (env: Record<string, string>) => Promise<void>,
): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), "giamsat-remind-"));
  const pg = dialect === "postgres" ? await createTestDatabase("postgres") : undefined;
  try {
    await fn({
      GIAMSAT_LOG: "silent",
      ...(pg?.url ? { DATABASE_URL: pg.url } : { GIAMSAT_DATA_DIR: join(tmp, "data") }),
    });
  } finally {
    await pg?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The names of the open tasks the unit leads, read from the database the CLI wrote. */
async function unitTaskNames(env: Record<string, string>): Promise<string[]> {
  const runtime = await openRuntime(loadConfig(env));
  try {
    const rows = await runtime.ctx.db
      .selectFrom("tasks as t")
      .innerJoin("organisations as o", "o.id", "t.lead_org_id")
      .select("t.name")
      .where("o.name", "=", UNIT)
      .where("t.completed_on", "is", null)
      .execute();
    return rows.map((r) => r.name);
  } finally {
    await runtime.close();
  }
}

describe.each(dialects())("giamsat remind with a real SMTP server (%s)", (dialect) => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it("mails a unit user the June report day and its tasks once, and nothing on a second run", async () => {
    await withCliDatabase(dialect, async (base) => {
      const env = { ...base, GIAMSAT_SMTP_URL: sink.url };
      expect((await runCli(["import", P596], { env })).code).toBe(0);
      const added = await runCli(
        [
          "user",
          "add",
          "--username",
          "dv.ttdt",
          "--role",
          "unit_staff",
          "--org",
          UNIT,
          "--email",
          "chuyenvien@ttdt.example.vn",
        ],
        { env },
      );
      expect(added.stderr).toBe("");
      expect(added.stdout).toContain("chuyenvien@ttdt.example.vn");

      const dry = await runCli(["remind", "--as-of", "2026-06-15", "--dry-run", "--json"], { env });
      expect(dry.code).toBe(0);
      const planned = JSON.parse(dry.stdout) as {
        due: number;
        queued: number;
        deliveries: number;
        sent: number;
      };
      expect(planned).toMatchObject({ dryRun: true, queued: planned.due, sent: 0 });
      expect(planned.deliveries).toBeGreaterThanOrEqual(2);
      expect(sink.mails).toHaveLength(0);

      const first = await runCli(["remind", "--as-of", "2026-06-15", "--json"], { env });
      expect(first.stderr).toBe("");
      // every message goes in-app and by e-mail to the one unit user with an address
      const { due, deliveries } = planned;
      expect(JSON.parse(first.stdout)).toMatchObject({
        due,
        queued: due,
        skipped: 0,
        deliveries,
        sent: deliveries,
        failed: 0,
      });
      const mails = sink.mails.filter((m) => m.to.includes("chuyenvien@ttdt.example.vn"));
      expect(mails).toHaveLength(deliveries / 2);
      expect(new Set(mails.map((m) => m.messageId)).size).toBe(deliveries / 2);
      const reportMails = mails.filter((m) => m.subject.startsWith("Nhắc báo cáo Tháng 6/2026"));
      expect(reportMails).toHaveLength(1);
      const mail = reportMails[0]!;
      expect(mail.subject).toContain("hạn trước ngày 20/06/2026");
      expect(mail.text).toContain("trước ngày 20/06/2026");
      const names = await unitTaskNames(env);
      expect(names.length).toBeGreaterThan(0);
      expect(names.some((name) => mail.text.includes(name))).toBe(true);
      // the HTML part says the same in Vietnamese, each task a link to its form for June
      expect(mail.html).toContain(`<p>Kính gửi ${UNIT},</p>`);
      expect(mail.html).toContain("trước ngày 20/06/2026");
      expect(mail.html).toMatch(
        /<li><a href="http:\/\/[^"]+\/nhiem-vu\/\d+\/bao-cao\?ky=2026-06">/,
      );

      const second = await runCli(["remind", "--as-of", "2026-06-15"], { env });
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(`xếp hàng mới: 0 · bỏ qua (đã xếp trước): ${due}`);
      expect(second.stdout).toContain("đã gửi: 0");
      expect(sink.mails.filter((m) => m.to.includes("chuyenvien@ttdt.example.vn"))).toHaveLength(
        deliveries / 2,
      );

      const bad = await runCli(["remind", "--as-of", "15/06/2026"], { env });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("--as-of: ngày không hợp lệ");
    });
  });

  it("gathers the kinds a user chose into one daily mail; in-app stays one notice each", async () => {
    await withCliDatabase(dialect, async (base) => {
      const env = { ...base, GIAMSAT_SMTP_URL: sink.url };
      const to = "truongphong@ttdt.example.vn";
      expect((await runCli(["import", P596], { env })).code).toBe(0);
      const args = ["user", "add", "--username", "dv.tp", "--role", "unit_head", "--org", UNIT];
      expect((await runCli([...args, "--email", to], { env })).code).toBe(0);
      // the CLI writes the database between these reads (SQLite: one writer at a time)
      const withDb = async <T>(fn: (db: Ctx["db"]) => Promise<T>): Promise<T> => {
        const runtime = await openRuntime(loadConfig(env));
        try {
          return await fn(runtime.ctx.db);
        } finally {
          await runtime.close();
        }
      };
      await withDb(async (db) => {
        const user = await db
          .selectFrom("users")
          .select("id")
          .where("username", "=", "dv.tp")
          .executeTakeFirstOrThrow();
        await db
          .insertInto("notification_prefs")
          .values(
            ["report_due", "task_due", "task_overdue"].map((kind) => ({
              user_id: user.id,
              kind,
              channel: "email_digest" as const,
              enabled: 1,
            })),
          )
          .execute();
      });

      const first = await runCli(["remind", "--as-of", "2026-06-15", "--json"], { env });
      expect(first.stderr).toBe("");
      expect(JSON.parse(first.stdout)).toMatchObject({ digests: 1, failed: 0 });
      const notices = await withDb((db) =>
        db
          .selectFrom("notifications as n")
          .innerJoin("users as u", "u.id", "n.user_id")
          .select(["n.title", "n.kind"])
          .where("u.username", "=", "dv.tp")
          .orderBy("n.id")
          .execute(),
      );
      expect(notices.length).toBeGreaterThanOrEqual(2);
      const mails = sink.mails.filter((m) => m.to.includes(to));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe(`Tổng hợp ${notices.length} thông báo (15/06/2026)`);
      for (const n of notices) expect(mails[0]!.text).toContain(n.title);

      const again = await runCli(["remind", "--as-of", "2026-06-15", "--json"], { env });
      expect(JSON.parse(again.stdout)).toMatchObject({ queued: 0, digests: 0, sent: 0 });
      expect(sink.mails.filter((m) => m.to.includes(to))).toHaveLength(1);
    });
  });
});
