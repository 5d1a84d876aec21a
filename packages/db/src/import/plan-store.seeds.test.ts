import { readFileSync } from "node:fs";
import { createDirectory, importDocument, STATUS_CODES, taskStatus } from "@giamsat/core";
import type { ImportResult, StatusCode } from "@giamsat/core";
import { describe, expect, it } from "vitest";
import { countStatuses } from "../repositories/task.repository.js";
import { upsertDirectory } from "../repositories/organisation.repository.js";
import { dialects, withTestDatabase } from "../test-support/index.js";
import { proposeLinks } from "./link-propose.js";
import { sha256Hex, storePlan } from "./plan-store.js";

const SEEDS = new URL("../../../../../shared/seeds/", import.meta.url);
const FILES = {
  gov: "bcdcp-2026-appendix2-interministerial-tasks.txt",
  p596: "qd596-bct-2026-nq57-plan.txt",
  p405: "qd405-bct-2026-2030-digital-transformation.txt",
};
const directory = createDirectory();

function read(file: string): { bytes: Buffer; result: ImportResult } {
  const bytes = readFileSync(new URL(file, SEEDS));
  return { bytes, result: importDocument(bytes, { directory, fileName: file }) };
}

function coreCounts(result: ImportResult, asOf: string): Record<StatusCode, number> {
  const counts = Object.fromEntries(STATUS_CODES.map((c) => [c, 0])) as Record<StatusCode, number>;
  for (const a of result.appendices) {
    for (const t of a.tasks)
      counts[taskStatus({ kind: t.kind, due: t.deadline.due, completedOn: null }, asOf).code]++;
  }
  return counts;
}

describe.each(dialects())("the seed plans in the database (%s)", (dialect) => {
  it("stores each seed whole, counts statuses like core, and re-imports without change", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      await upsertDirectory(db, directory.entries);
      for (const file of Object.values(FILES)) {
        const { bytes, result } = read(file);
        const source = { hash: sha256Hex(bytes), name: file };
        const out = await storePlan(db, result, source, { userId: null });
        const taskCount = result.appendices.reduce((n, a) => n + a.tasks.length, 0);
        expect(out, file).toMatchObject({ created: true, tasks: taskCount });
        for (const asOf of ["2026-01-15", "2026-04-30", "2026-06-01", "2026-12-31", "2027-01-01"]) {
          const { counts } = await countStatuses(db, { planId: out.planId, asOf });
          expect(counts, `${file} on ${asOf}`).toEqual(coreCounts(result, asOf));
        }
        expect(await storePlan(db, result, source, { userId: null })).toMatchObject({
          planId: out.planId,
          unchanged: true,
        });
      }
    });
  });

  it("shows plan 596 as of 01/06/2026: 17 overdue, 11 in time, 63 recurring", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const { bytes, result } = read(FILES.p596);
      const { planId } = await storePlan(
        db,
        result,
        { hash: sha256Hex(bytes), name: FILES.p596 },
        { userId: null },
      );
      const { counts } = await countStatuses(db, { planId, asOf: "2026-06-01" });
      expect(counts.overdue).toBe(17);
      expect(counts.in_time + counts.due_soon).toBe(11);
      expect(counts.recurring).toBe(63);
    });
  });

  it("proposes links from plan 596 to the Government tasks it restates", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const stored: Record<string, number> = {};
      for (const [key, file] of Object.entries(FILES)) {
        const { bytes, result } = read(file);
        stored[key] = (
          await storePlan(db, result, { hash: sha256Hex(bytes), name: file }, { userId: null })
        ).planId;
        await proposeLinks(db, stored[key]!);
      }
      const links = await db
        .selectFrom("task_links")
        .innerJoin("tasks as f", "f.id", "task_links.from_task_id")
        .innerJoin("tasks as t", "t.id", "task_links.to_task_id")
        .innerJoin("appendices as fa", "fa.id", "f.appendix_id")
        .select([
          "f.plan_id as fp",
          "fa.ordinal as fApp",
          "f.number as fn",
          "t.plan_id as tp",
          "t.number as tn",
          "task_links.state",
          "task_links.kind",
        ])
        .execute();
      expect(links.every((l) => l.state === "proposed" && l.kind === "restates")).toBe(true);
      const found = new Set(
        links
          .filter((l) => l.fp === stored.p596 && l.tp === stored.gov)
          .map((l) => `${l.fApp}:${l.fn}->${l.tn}`),
      );
      const expected = [
        "1:18->8",
        "1:19->17",
        "1:20->40",
        "1:21->47",
        "1:22->62",
        "1:23->74",
        "1:24->75",
        "1:25->76",
        "1:26->78",
        "1:27->97",
        "2:58->1",
        "2:59->25",
        "2:60->29",
        "2:61->48",
        "2:62->57",
      ];
      const hits = expected.filter((e) => found.has(e));
      expect(hits, `found ${[...found].join(", ")}`).toEqual(expected);
      const again = await proposeLinks(db, stored.p596!);
      expect(again.proposed).toBe(0);
    });
  });
});
