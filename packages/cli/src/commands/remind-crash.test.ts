/**
 * A `giamsat remind` process killed with SIGKILL in the middle of 1,000 mails, then run again:
 * every recipient gets each mail exactly once. The SMTP server (smtp-server on 127.0.0.1) stops
 * answering at the 400th mail, waits until the mails it accepted are recorded, then the process
 * is killed: the mails in flight were never accepted, so they must come with the rerun. The
 * killed process is the built CLI (`npm run build` first, as for the browser tests).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, openRuntime } from "@giamsat/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects } from "../../../db/src/test-support/index.js";
import { startSmtpSink } from "../../../server/src/test-support/smtp-sink.js";
import { buildCli } from "../../../server/src/test-support/serve-process.js";
import { runCli } from "../test-support/run-cli.js";

const P596 = fileURLToPath(
  new URL("../../../../../shared/seeds/qd596-bct-2026-nq57-plan.txt", import.meta.url),
);
const BIN = fileURLToPath(new URL("../../bin/giamsat.js", import.meta.url));
const UNIT = "Cục Thương mại điện tử và Kinh tế số";
const MAILS = 1000;
const KILL_AT = 400;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Adds `n` staff users of the unit, each with an e-mail address (no password: no login). */
async function addUnitUsers(env: Record<string, string>, from: number, n: number) {
  const runtime = await openRuntime(loadConfig(env));
  try {
    const db = runtime.ctx.db;
    const unit = await db
      .selectFrom("organisations")
      .select("id")
      .where("name", "=", UNIT)
      .executeTakeFirstOrThrow();
    for (let i = from; i < from + n; i += 1) {
      const { id } = await db
        .insertInto("users")
        .values({
          username: `cv${i}`,
          display_name: `Chuyên viên ${i}`,
          password_hash: "-",
          role: "unit_staff",
          org_id: unit.id,
          email: `cv${i}@ttdt.example.vn`,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db.insertInto("user_orgs").values({ user_id: id, org_id: unit.id }).execute();
    }
  } finally {
    await runtime.close();
  }
}

async function outboxEmails(env: Record<string, string>) {
  const runtime = await openRuntime(loadConfig(env));
  try {
    return await runtime.ctx.db
      .selectFrom("notification_outbox")
      .select(["id", "address", "status"])
      .where("channel", "=", "email")
      .execute();
  } finally {
    await runtime.close();
  }
}

describe.each(dialects())("giamsat remind killed mid-send (%s)", (dialect) => {
  beforeAll(buildCli, 600_000);
  it("resends nothing the SMTP server accepted and loses nothing queued", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "giamsat-remind-kill-"));
    const pg = dialect === "postgres" ? await createTestDatabase("postgres") : undefined;
    const sink = await startSmtpSink();
    try {
      const env = {
        GIAMSAT_LOG: "silent",
        GIAMSAT_SMTP_URL: sink.url,
        GIAMSAT_OUTBOX_LEASE_SECONDS: "1",
        ...(pg?.url ? { DATABASE_URL: pg.url } : { GIAMSAT_DATA_DIR: join(tmp, "data") }),
      };
      expect((await runCli(["import", P596], { env })).code).toBe(0);
      await addUnitUsers(env, 0, 1);
      const one = await runCli(["remind", "--as-of", "2026-06-15", "--dry-run", "--json"], { env });
      const perUser = (JSON.parse(one.stdout) as { deliveries: number }).deliveries / 2;
      expect(perUser).toBeGreaterThanOrEqual(1);
      await addUnitUsers(env, 1, Math.ceil(MAILS / perUser) - 1);

      const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
      if (!pg) delete childEnv.DATABASE_URL;
      const child = spawn(process.execPath, [BIN, "remind", "--as-of", "2026-06-15"], {
        env: childEnv,
        stdio: "ignore",
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once("exit", (_code, signal) => resolve(signal)),
      );
      let killing: Promise<unknown> | null = null;
      sink.onMail = async (n) => {
        if (n === KILL_AT) {
          killing = (async () => {
            await sleep(1500); // the mails accepted so far are recorded meanwhile
            child.kill("SIGKILL");
            return exited;
          })();
        }
        if (killing) {
          await killing;
          return false;
        }
        return true;
      };
      expect(await exited).toBe("SIGKILL");
      const accepted = sink.mails.length;
      expect(accepted).toBe(KILL_AT - 1);
      const halfway = await outboxEmails(env);
      expect(halfway.length).toBeGreaterThanOrEqual(MAILS);
      expect(halfway.filter((r) => r.status === "sent")).toHaveLength(accepted);

      sink.onMail = null;
      await sleep(1100); // the dead process's lease runs out
      const rerun = await runCli(["remind", "--as-of", "2026-06-15", "--json"], { env });
      expect(rerun.stderr).toBe("");
      const result = JSON.parse(rerun.stdout) as { queued: number; sent: number; failed: number };
      expect(result.queued).toBe(0);
      expect(result.failed).toBe(0);

      const rows = await outboxEmails(env);
      expect(rows.every((r) => r.status === "sent")).toBe(true);
      const received = sink.mails.map((m) => `${m.to.join(",")} ${m.messageId}`);
      expect(received).toHaveLength(rows.length);
      expect(new Set(received).size).toBe(rows.length);
      const expected = rows.map((r) => r.address).sort();
      expect(sink.mails.flatMap((m) => m.to).sort()).toEqual(expected);
    } finally {
      await sink.close();
      await pg?.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 240_000);
});
