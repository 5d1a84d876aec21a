import { describe, expect, it } from "vitest";
import {
  buildReport,
  buildTask,
  buildUser,
  dialects,
  withTestDatabase,
} from "../test-support/index.js";
import { acceptedReceipts } from "./report.repository.js";

describe.each(dialects())("accepted report receipts (%s)", (dialect) => {
  it("reads the accepted reports of more tasks than one query can bind", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const user = await buildUser(db);
      const first = await buildTask(db, { kind: "recurring", due_date: null });
      const last = await buildTask(db, {
        plan_id: first.plan_id,
        kind: "recurring",
        due_date: null,
      });
      const base = { submitted_by: user.id, submitted_at: "2026-03-15T02:00:00.000Z" };
      await buildReport(db, {
        ...base,
        task_id: first.id,
        period_key: "2026-02",
        status: "accepted",
      });
      await buildReport(db, {
        ...base,
        task_id: first.id,
        period_key: "2026-03",
        status: "returned",
      });
      await buildReport(db, {
        ...base,
        task_id: last.id,
        period_key: "2026-03",
        status: "accepted",
      });
      // 70 000 ids: past SQLite's 32 766 and PostgreSQL's 65 535 bound values per statement
      const ids = [first.id, ...Array.from({ length: 70_000 }, (_, i) => last.id + 1 + i), last.id];
      const receipts = await acceptedReceipts(db, ids);
      expect(receipts.map((r) => [r.task_id, r.period_key]).sort()).toEqual(
        [
          [first.id, "2026-02"],
          [last.id, "2026-03"],
        ].sort(),
      );
    });
  });
});
