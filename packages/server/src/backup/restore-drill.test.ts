/**
 * The restore drill: a backup taken with `giamsat backup` while a running `giamsat serve` takes
 * report submissions with evidence files over HTTP, restored with `giamsat restore` into a fresh
 * data folder (and, on PostgreSQL, a new empty database); the restored data must hold every
 * report acknowledged before the backup began, the same rows per table as the manifest, pass
 * the integrity checks, and every evidence file must hash to its recorded SHA-256. Restoring
 * over data that exists is refused. On PostgreSQL it runs with each evidence store: with the
 * database store the files travel inside the dump (the archive holds no evidence file) and are
 * read back from the restored database. Runs the built CLI (npm run build).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { backupManifestSchema } from "@giamsat/core";
import {
  SQLITE_FILE_NAME,
  openDatabase,
  sqliteProblems,
  tableCounts,
  type DatabaseHandle,
  type DialectName,
} from "@giamsat/db";
import { createTestDatabase, dialects } from "../../../db/src/test-support/index.js";
import { loadConfig } from "../config.js";
import { sha256OfStream } from "../evidence-store/evidence-hash.js";
import { evidenceStore, type EvidenceStoreKind } from "../evidence-store/evidence-store.js";
import { openRuntime } from "../runtime.js";
import {
  FILES,
  importSeed,
  makeUser,
  reportSlots,
  unitTask,
} from "../test-support/server-harness.js";
import {
  buildCli,
  runGiamsat,
  startServe,
  type ServeProcess,
} from "../test-support/serve-process.js";

/** A new, empty PostgreSQL database on the test cluster (dropped by the returned function). */
async function emptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: process.env.GIAMSAT_TEST_PG_URL });
  await admin.connect();
  const name = `giamsat_restore_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(process.env.GIAMSAT_TEST_PG_URL as string);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

const cases = dialects().flatMap((dialect: DialectName) =>
  (dialect === "postgres" ? ["local", "database"] : ["local"]).map((store) => ({
    dialect,
    store: store as EvidenceStoreKind,
  })),
);

describe.each(cases)("restore drill ($dialect, evidence $store)", ({ dialect, store }) => {
  beforeAll(buildCli, 600_000);
  const folders: string[] = [];
  const folder = (name: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), `giamsat-${name}-`));
    folders.push(dir);
    return dir;
  };
  const cleanups: (() => Promise<void>)[] = [];
  let env: Record<string, string>;
  let server: ServeProcess | undefined;

  beforeAll(async () => {
    // the write load sends hundreds of reports from few accounts: no per-user limit here
    env = {
      GIAMSAT_DATA_DIR: folder("live"),
      GIAMSAT_LOG: "silent",
      GIAMSAT_REPORT_RATE_LIMIT: "100000",
      GIAMSAT_EVIDENCE_STORE: store,
    };
    if (dialect === "postgres") {
      const live = await createTestDatabase("postgres");
      cleanups.push(() => live.close());
      env.DATABASE_URL = live.url as string;
    }
  });
  afterAll(async () => {
    server?.process.kill("SIGKILL");
    for (const clean of cleanups.reverse()) await clean();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it("backs up during a write load and restores every row and file", async () => {
    const setup = await openRuntime(loadConfig(env));
    const plan = await importSeed(setup.ctx, "qd596");
    const { unitId } = await unitTask(setup.ctx, plan);
    const staff = await makeUser(setup.ctx, "unit_staff", unitId);
    const { slots } = await reportSlots(setup.ctx, plan, unitId);
    await setup.close();

    server = await startServe(env);
    const address = server.address;
    const acknowledged: { id: number; at: number }[] = [];
    let sent = 0;
    let stop = false;
    const submit = async () => {
      while (!stop) {
        const slot = slots[sent++];
        if (!slot) return;
        const form = new FormData();
        form.set(
          "data",
          JSON.stringify({ period: slot.period, state: "in_progress", summary: `Báo cáo ${sent}` }),
        );
        const pdf = Buffer.concat([FILES.pdf, Buffer.from(`% tệp ${sent}\n`)]);
        form.set("files", new Blob([pdf]), `minh-chung-${sent}.pdf`);
        const res = await fetch(`${address}/api/tasks/${slot.taskId}/reports`, {
          method: "POST",
          headers: staff.headers,
          body: form,
        });
        expect(res.status, await res.clone().text()).toBe(201);
        acknowledged.push({ id: ((await res.json()) as { id: number }).id, at: Date.now() });
      }
    };
    const load = Array.from({ length: 4 }, submit);
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 10));

    const archive = path.join(folder("archive"), "giamsat.tar");
    const before = acknowledged.length;
    const startedAt = Date.now();
    const backup = await runGiamsat(["backup", "--out", archive], env);
    const duringBackup = acknowledged.filter((a) => a.at > startedAt).length;
    stop = true;
    await Promise.all(load);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Đã sao lưu vào .*giamsat\.tar: \d+ dòng/);
    expect(duringBackup, "the server kept answering while the backup ran").toBeGreaterThan(0);

    const manifest = backupManifestSchema.parse(
      JSON.parse(execFileSync("tar", ["-xOf", archive, "manifest.json"], { encoding: "utf8" })),
    );
    expect(manifest.dialect).toBe(dialect);
    expect(manifest.counts.progress_reports).toBeGreaterThanOrEqual(before);
    expect(manifest.evidenceStore).toBe(store);
    const archived = manifest.files.filter((f) => f.path.startsWith("evidence/")).length;
    if (store === "local") expect(archived).toBeGreaterThanOrEqual(before);
    else expect(archived, "the files are inside the dump, not repeated").toBe(0);

    const target: Record<string, string> = {
      GIAMSAT_DATA_DIR: folder("restored"),
      GIAMSAT_LOG: "silent",
      GIAMSAT_EVIDENCE_STORE: store,
    };
    if (dialect === "postgres") {
      const empty = await emptyPostgresDatabase();
      cleanups.push(empty.drop);
      target.DATABASE_URL = empty.url;
    }
    const restore = await runGiamsat(["restore", archive], target);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(
      /^Đã khôi phục bản sao lưu tạo lúc \d\d:\d\d UTC ngày \d\d\/\d\d\/\d{4}: \d+ dòng, \d+ tệp/,
    );

    const handle: DatabaseHandle = openDatabase(
      target.DATABASE_URL ? { url: target.DATABASE_URL } : { dataDir: target.GIAMSAT_DATA_DIR },
    );
    try {
      expect(await tableCounts(handle.db, dialect)).toEqual(manifest.counts);
      const ids = new Set(
        (await handle.db.selectFrom("progress_reports").select("id").execute()).map((r) => r.id),
      );
      const firstAcknowledged = acknowledged.slice(0, before).filter((a) => !ids.has(a.id));
      expect(firstAcknowledged, "reports acknowledged before the backup began").toEqual([]);
      const files = await handle.db
        .selectFrom("evidence")
        .innerJoin("progress_reports", "progress_reports.id", "evidence.report_id")
        .select(["evidence.storage_path", "evidence.sha256"])
        .where("evidence.kind", "=", "file")
        .execute();
      expect(files.length).toBe(manifest.counts.evidence);
      const restoredStore = evidenceStore(store, {
        config: { dataDir: target.GIAMSAT_DATA_DIR },
        db: handle.db,
      });
      for (const f of files) {
        const content = await restoredStore.get(f.storage_path as string);
        expect(await sha256OfStream(content)).toBe(f.sha256);
      }
    } finally {
      await handle.close();
    }
    if (dialect === "sqlite") {
      expect(sqliteProblems(path.join(target.GIAMSAT_DATA_DIR, SQLITE_FILE_NAME))).toEqual([]);
    }

    const again = await runGiamsat(["restore", archive], target);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/không trống/);
    if (store === "database") {
      const spare = await emptyPostgresDatabase();
      cleanups.push(spare.drop);
      const otherStore = await runGiamsat(["restore", archive], {
        ...target,
        DATABASE_URL: spare.url,
        GIAMSAT_DATA_DIR: folder("other-store"),
        GIAMSAT_EVIDENCE_STORE: "local",
      });
      expect(otherStore.code).toBe(2);
      expect(otherStore.stderr).toMatch(/giữ tệp minh chứng trong cơ sở dữ liệu/);
    }
    if (dialect === "postgres") {
      const overDatabase = await runGiamsat(["restore", archive], {
        ...target,
        GIAMSAT_DATA_DIR: folder("empty"),
      });
      expect(overDatabase.code).toBe(2);
      expect(overDatabase.stderr).toMatch(/Cơ sở dữ liệu PostgreSQL đích không trống/);
    } else {
      // one evidence file changed inside the archive: refused, nothing left behind
      const unpacked = folder("unpacked");
      execFileSync("tar", ["-xf", archive, "-C", unpacked]);
      const victim = path.join(unpacked, manifest.files[0]?.path as string);
      writeFileSync(victim, Buffer.concat([readFileSync(victim), Buffer.from("x")]));
      const tampered = path.join(unpacked, "..", `${path.basename(unpacked)}.tar`);
      folders.push(tampered);
      execFileSync("tar", ["-cf", tampered, "-C", unpacked, "."]);
      const refused = await runGiamsat(["restore", tampered], {
        ...target,
        GIAMSAT_DATA_DIR: folder("tampered"),
      });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`tệp ${manifest.files[0]?.path} không khớp mã băm SHA-256`);
      expect(readdirSync(folders[folders.length - 1] as string)).toEqual([]);

      // the files intact, but a database row whose recorded hash is not its file's (the
      // manifest rewritten to match): the consistency check refuses it
      const other = folder("unpacked-db");
      execFileSync("tar", ["-xf", archive, "-C", other]);
      const dbFile = path.join(other, manifest.database.path);
      const copy = openDatabase({ sqliteFile: dbFile });
      const row = await copy.db
        .updateTable("evidence")
        .set({ sha256: "0".repeat(64) })
        .where("storage_path", "=", manifest.files[0]?.path as string)
        .executeTakeFirst();
      await copy.close();
      expect(Number(row.numUpdatedRows)).toBeGreaterThan(0);
      const content = readFileSync(dbFile);
      const rewritten = {
        ...manifest,
        database: {
          ...manifest.database,
          size: content.length,
          sha256: createHash("sha256").update(content).digest("hex"),
        },
      };
      writeFileSync(path.join(other, "manifest.json"), JSON.stringify(rewritten));
      const inconsistent = path.join(other, "..", `${path.basename(other)}.tar`);
      folders.push(inconsistent);
      execFileSync("tar", ["-cf", inconsistent, "-C", other, "."]);
      const target2 = folder("inconsistent");
      const refused2 = await runGiamsat(["restore", inconsistent], {
        ...target,
        GIAMSAT_DATA_DIR: target2,
      });
      expect(refused2.code).toBe(2);
      expect(refused2.stderr).toContain(
        `minh chứng ${manifest.files[0]?.path}: mã băm trong cơ sở dữ liệu khác tệp đã khôi phục`,
      );
      expect(readdirSync(target2)).toEqual([]);
    }
  });
});
