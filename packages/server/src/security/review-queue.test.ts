/**
 * The review queue's "not superseded" test reads progress_reports by
 * supersedes_id; the database must answer it from an index, not by scanning every report for
 * every queued one; and its count and page come from an index on (status, superseded,
 * submitted_at) (speed itself is measured in bench/api.mjs, never asserted here).
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { dialects, withTestDatabase } from "../../../db/src/test-support/index.js";

describe.each(dialects())("review queue index (%s)", (dialect) => {
  it("progress_reports.supersedes_id is indexed and the queue's lookup uses the index", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      if (dialect === "sqlite") {
        const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
          SELECT id FROM progress_reports p WHERE status = 'submitted' AND NOT EXISTS
            (SELECT 1 FROM progress_reports newer WHERE newer.supersedes_id = p.id)`.execute(db);
        expect(plan.rows.map((r) => r.detail).join("\n")).toMatch(
          /newer USING (COVERING )?INDEX progress_reports_(supersedes|one_correction)/,
        );
      } else {
        const indexes = await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes
          WHERE tablename = 'progress_reports'`.execute(db);
        expect(indexes.rows.map((r) => r.indexdef).join("\n")).toMatch(
          /progress_reports_supersedes ON public\.progress_reports USING btree \(supersedes_id\)/,
        );
      }
    });
  });

  it("the queue's count and page are read from the (status, superseded, submitted_at) index", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      if (dialect === "sqlite") {
        const count = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
          SELECT count(*) FROM progress_reports WHERE status = 'submitted' AND superseded = 0`.execute(
          db,
        );
        expect(count.rows.map((r) => r.detail).join("\n")).toMatch(
          /USING COVERING INDEX progress_reports_queue \(status=\? AND superseded=\?\)/,
        );
        const page = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
          SELECT * FROM progress_reports WHERE status = 'submitted' AND superseded = 0
          ORDER BY submitted_at, id LIMIT 50`.execute(db);
        const detail = page.rows.map((r) => r.detail).join("\n");
        expect(detail).toMatch(/USING INDEX progress_reports_queue/);
        expect(detail).not.toMatch(/TEMP B-TREE/);
      } else {
        const indexes = await sql<{ indexdef: string }>`SELECT indexdef FROM pg_indexes
          WHERE tablename = 'progress_reports'`.execute(db);
        expect(indexes.rows.map((r) => r.indexdef).join("\n")).toMatch(
          /progress_reports_queue ON public\.progress_reports USING btree \(status, superseded, submitted_at\)/,
        );
      }
    });
  });
});
