import { describe, expect, it } from "vitest";
import { buildTask, buildUser, dialects, withTestDatabase } from "../test-support/index.js";
import { decideLink, insertProposedLinks, listLinks, listTaskLinks } from "./link.repository.js";

describe.each(dialects())("task links (%s)", (dialect) => {
  it("stores proposals once and records who confirmed or rejected them", async () => {
    await withTestDatabase(dialect, async ({ db }) => {
      const gov = await buildTask(db, { name: "Nhiệm vụ của Chính phủ" });
      const a = await buildTask(db, { name: "Nhiệm vụ của Bộ" });
      const b = await buildTask(db, { plan_id: a.plan_id, name: "Nhiệm vụ khác của Bộ" });
      const proposals = [
        {
          from_task_id: a.id,
          to_task_id: gov.id,
          kind: "restates" as const,
          score: 0.82,
          reasons: ["Tên nhiệm vụ giống 82%"],
        },
        {
          from_task_id: b.id,
          to_task_id: gov.id,
          kind: "restates" as const,
          score: 0.61,
          reasons: [],
        },
      ];
      expect(await insertProposedLinks(db, proposals)).toBe(2);
      expect(await insertProposedLinks(db, proposals)).toBe(0);

      const queue = await listLinks(db, { planId: a.plan_id, state: "proposed" });
      expect(queue.total).toBe(2);
      expect(queue.items.map((l) => l.from_task_id)).toEqual([a.id, b.id]);

      const monitor = await buildUser(db, { role: "monitor" });
      const decided = await decideLink(db, queue.items[0]!.id, {
        state: "confirmed",
        decidedBy: monitor.id,
        at: "2026-04-02T03:00:00.000Z",
      });
      expect(decided).toMatchObject({ state: "confirmed", decided_by: monitor.id });
      expect((await listLinks(db, { state: "proposed" })).total).toBe(1);
      expect(
        await decideLink(db, 999_999, { state: "rejected", decidedBy: monitor.id, at: "x" }),
      ).toBeUndefined();

      const ofGov = await listTaskLinks(db, gov.id);
      expect(ofGov.map((l) => [l.direction, l.other_task_id, l.state])).toEqual([
        ["incoming", a.id, "confirmed"],
        ["incoming", b.id, "proposed"],
      ]);
      expect(JSON.parse(ofGov[0]!.reasons)).toEqual(["Tên nhiệm vụ giống 82%"]);
    });
  });
});
