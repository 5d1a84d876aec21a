/**
 * The evidence stores over real HTTP, on each database: the data folder (default) and, on
 * PostgreSQL, the database store. An uploaded file comes back byte for byte (a file of several
 * 1 MB chunks too), the same content is stored once, another server with its own data folder
 * serves a file of the database store, and a file too big or of the wrong type — or a report
 * whose transaction fails — keeps nothing; `migrateEvidence` moves every file both ways, checking hashes,
 * runs again without copying anything, and names a damaged or missing file.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { createApp } from "../app.js";
import {
  FILES,
  importSeed,
  makeUser,
  postReportWithFiles,
  startHarness,
  unitTask,
  type Harness,
} from "../test-support/server-harness.js";
import { refuseEvidenceRows } from "../test-support/refuse-evidence.js";
import { evidenceStore, evidenceStoreOf, type EvidenceStoreKind } from "./evidence-store.js";
import { migrateEvidence } from "./evidence-migrate.js";

const cases = dialects().flatMap((dialect) =>
  (dialect === "postgres" ? ["local", "database"] : ["local"]).map((store) => ({
    dialect,
    store: store as EvidenceStoreKind,
  })),
);

/** A PDF of `size` bytes whose content is unique to this run. */
const pdfOf = (size: number) =>
  Buffer.concat([FILES.pdf, randomBytes(Math.max(0, size - FILES.pdf.length))]);

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function storedPaths(h: Harness, kind: EvidenceStoreKind): Promise<string[]> {
  const paths: string[] = [];
  for await (const f of evidenceStore(kind, h.ctx).list()) paths.push(f.storagePath);
  return paths;
}

describe.each(cases)("evidence store $store ($dialect)", ({ dialect, store }) => {
  let h: Harness;
  let base: string;
  let staff: Awaited<ReturnType<typeof makeUser>>;
  let taskId: number;
  let period = 0;
  beforeAll(async () => {
    h = await startHarness(dialect, {
      GIAMSAT_EVIDENCE_STORE: store,
      GIAMSAT_UPLOAD_MAX_BYTES: String(3 * 1024 * 1024),
    });
    const own = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
    taskId = own.taskId;
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    base = await h.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => h.close());

  /** Sends a report with `files` over HTTP; the status and the evidence ids by file name. */
  async function send(files: { name: string; content: Buffer }[]) {
    const form = new FormData();
    period++;
    form.set(
      "data",
      JSON.stringify({
        period: `2026-${String(period).padStart(2, "0")}`,
        state: "in_progress",
        summary: "Minh chứng",
      }),
    );
    for (const f of files) form.append("files", new Blob([f.content]), f.name);
    const res = await fetch(`${base}/api/tasks/${taskId}/reports`, {
      method: "POST",
      headers: staff.headers,
      body: form,
    });
    const body = (await res.json()) as { evidence?: { id: number; fileName: string }[] };
    return {
      status: res.status,
      ids: Object.fromEntries((body.evidence ?? []).map((e) => [e.fileName, e.id])),
    };
  }

  const download = async (id: number) => {
    const res = await fetch(`${base}/api/evidence/${id}`, { headers: staff.headers });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it("gives back every uploaded file byte for byte, stored once per content", async () => {
    const small = pdfOf(3000);
    const large = pdfOf(Math.floor(2.5 * 1024 * 1024)); // three chunks in the database store
    const first = await send([
      { name: "nho.pdf", content: small },
      { name: "lon.pdf", content: large },
    ]);
    expect(first.status).toBe(201);
    expect(sha256(await download(first.ids["nho.pdf"]!))).toBe(sha256(small));
    expect(sha256(await download(first.ids["lon.pdf"]!))).toBe(sha256(large));
    const preview = await fetch(`${base}/api/evidence/${first.ids["lon.pdf"]}/preview`, {
      headers: staff.headers,
    });
    expect(Buffer.from(await preview.arrayBuffer()).equals(large)).toBe(true);

    const again = await send([{ name: "nho-lan-2.pdf", content: small }]);
    expect(again.status).toBe(201);
    expect((await download(again.ids["nho-lan-2.pdf"]!)).equals(small)).toBe(true);
    const stored = await storedPaths(h, store);
    expect(stored.filter((p) => p.endsWith(sha256(small)))).toHaveLength(1);
    expect(stored).toHaveLength(2);
    // the other store is not touched
    if (dialect === "postgres")
      expect(await storedPaths(h, store === "local" ? "database" : "local")).toEqual([]);
  });

  it.runIf(store === "database")(
    "serves a file from another server with its own data folder (no shared disk)",
    async () => {
      const content = pdfOf(1024 * 1024 + 3);
      const sent = await send([{ name: "o-may-kia.pdf", content }]);
      expect(sent.status).toBe(201);
      const otherFolder = mkdtempSync(path.join(tmpdir(), "giamsat-other-server-"));
      const other = await createApp({
        ...h.ctx,
        config: { ...h.ctx.config, dataDir: otherFolder },
      });
      try {
        const res = await other.inject({
          url: `/api/evidence/${sent.ids["o-may-kia.pdf"]}`,
          headers: staff.headers,
        });
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload.equals(content)).toBe(true);
        expect(readdirSync(otherFolder)).toEqual([]);
      } finally {
        await other.close();
        rmSync(otherFolder, { recursive: true, force: true });
      }
    },
  );

  it("refuses a file too big or of the wrong type and keeps nothing", async () => {
    const before = await storedPaths(h, store);
    const rows = async () =>
      Number(
        (
          await h.ctx.db
            .selectFrom("evidence")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rowsBefore = await rows();
    const tooBig = await send([
      { name: "du.pdf", content: pdfOf(1000) },
      { name: "qua-lon.pdf", content: pdfOf(3 * 1024 * 1024 + 1) },
    ]);
    expect(tooBig.status).toBe(413);
    const wrongType = await send([
      { name: "du-2.pdf", content: pdfOf(1000) },
      { name: "doi-duoi.pdf", content: FILES.png },
    ]);
    expect(wrongType.status).toBe(415);
    expect(await storedPaths(h, store)).toEqual(before);
    expect(await rows()).toBe(rowsBefore);
    const temporary = path.join(h.dataDir, "tmp");
    expect(existsSync(temporary) ? readdirSync(temporary) : []).toEqual([]);
  });
  it("keeps nothing of a report whose transaction fails after its file was stored", async () => {
    const before = await storedPaths(h, store);
    const allow = await refuseEvidenceRows(h.ctx.db, dialect);
    try {
      const failed = await send([{ name: "bien-ban.pdf", content: pdfOf(1024 * 1024 + 100) }]);
      expect(failed.status).toBe(500);
    } finally {
      await allow();
    }
    expect(await storedPaths(h, store)).toEqual(before);
  });
});

describe.runIf(dialects().includes("postgres"))("evidence migrate (postgres)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness("postgres");
  });
  afterAll(async () => h.close());

  it("moves every file to the database and back, checking hashes, and can run again", async () => {
    const own = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
    const staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    const contents = [pdfOf(2000), pdfOf(1024 * 1024 + 7), pdfOf(5000)];
    const ids: number[] = [];
    for (const [i, content] of contents.entries()) {
      const sent = await postReportWithFiles(
        h.app,
        staff.headers,
        own.taskId,
        [{ name: `tep-${i}.pdf`, content }],
        { period: `2026-0${i + 1}` },
      );
      expect(sent.status).toBe(201);
      ids.push(sent.body.evidence[0].id as number);
    }
    const downloads = async (app: FastifyInstance) => {
      const bodies: Buffer[] = [];
      for (const id of ids) {
        const res = await app.inject({ url: `/api/evidence/${id}`, headers: staff.headers });
        expect(res.statusCode).toBe(200);
        bodies.push(res.rawPayload);
      }
      return bodies;
    };
    const clean = { missing: [], damaged: [] };

    expect(await migrateEvidence(h.ctx, "database")).toMatchObject({
      total: 3,
      copied: 3,
      present: 0,
      ...clean,
    });
    expect(await migrateEvidence(h.ctx, "database")).toMatchObject({ copied: 0, present: 3 });
    // served by the database store alone, the folder gone
    rmSync(path.join(h.dataDir, "evidence"), { recursive: true });
    const fromDatabase = await createApp({
      ...h.ctx,
      config: { ...h.ctx.config, evidenceStore: "database" },
    });
    expect(await downloads(fromDatabase)).toEqual(contents);
    await fromDatabase.close();

    expect(await migrateEvidence(h.ctx, "local")).toMatchObject({ copied: 3, ...clean });
    expect(await migrateEvidence(h.ctx, "local")).toMatchObject({ copied: 0, present: 3 });
    expect(await downloads(h.app)).toEqual(contents);

    // a file whose stored bytes changed is named and not copied; one in no store is named
    const [damaged, missing] = [contents[0]!, contents[2]!].map(sha256);
    const folder = evidenceStoreOf(h.ctx);
    const keys = (await storedPaths(h, "local")).filter(
      (p) => p.endsWith(damaged!) || p.endsWith(missing!),
    );
    for (const key of keys) await folder.delete(key);
    await h.ctx.db
      .updateTable("evidence_chunks")
      .set({ bytes: Buffer.from("%PDF-1.4 đã bị sửa") })
      .where("sha256", "=", damaged!)
      .execute();
    await evidenceStore("database", h.ctx).delete(`evidence/${missing!.slice(0, 2)}/${missing}`);
    const outcome = await migrateEvidence(h.ctx, "local");
    expect(outcome).toMatchObject({ total: 3, copied: 0, present: 1 });
    expect(outcome.damaged).toEqual([`evidence/${damaged!.slice(0, 2)}/${damaged}`]);
    expect(outcome.missing).toEqual([`evidence/${missing!.slice(0, 2)}/${missing}`]);
    expect(await storedPaths(h, "local")).toHaveLength(1);
    expect(readdirSync(path.join(h.dataDir, "tmp"))).toEqual([]);
  });

  it("refuses the database store on SQLite", async () => {
    const sqlite = await startHarness("sqlite");
    try {
      await expect(migrateEvidence(sqlite.ctx, "database")).rejects.toThrow(
        /chỉ dùng được với PostgreSQL/,
      );
    } finally {
      await sqlite.close();
    }
  });
});
