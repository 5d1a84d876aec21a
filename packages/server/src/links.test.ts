import { listAudit } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;
type Side = { id: number; number: string | null; name: string; planNumber: string | null };
type Listed = { id: number; state: string; score: number; from: Side; to: Side };

/** The pending task-link proposals on their own list, accepted or refused. */
describe.each(dialects())("task-link proposals (%s)", (dialect) => {
  let h: Harness;
  let monitor: User;
  let admin: User;
  let leader: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    await importSeed(h.ctx, "bcdcp");
    await importSeed(h.ctx, "qd596");
    monitor = await makeUser(h.ctx, "monitor");
    admin = await makeUser(h.ctx, "admin");
    leader = await makeUser(h.ctx, "leader");
  });
  afterAll(async () => h.close());

  const proposed = async (user: User): Promise<{ items: Listed[]; total: number }> => {
    const res = await call(h.app, {
      url: "/api/links?state=proposed&limit=500",
      headers: user.headers,
    });
    expect(res.status).toBe(200);
    return res.body;
  };

  it("lists the proposals of the import with both tasks and their plans named", async () => {
    const { items, total } = await proposed(monitor);
    expect(total).toBe(17);
    expect(items).toHaveLength(total);
    const first = items[0]!;
    expect(first.from.name.length).toBeGreaterThan(0);
    expect(first.to.name.length).toBeGreaterThan(0);
    expect(first.from.planNumber).not.toBe(first.to.planNumber);
    expect(items.map((l) => l.score)).toEqual([...items.map((l) => l.score)].sort((a, b) => b - a));
  });

  it("accepts one and refuses another, each audited; a decided link is not decided again", async () => {
    const [a, b] = (await proposed(monitor)).items;
    const decide = (id: number, decision: string) =>
      call(h.app, {
        method: "POST",
        url: `/api/links/${id}/decision`,
        headers: monitor.headers,
        payload: { decision },
      });
    expect((await decide(a!.id, "confirm")).body).toEqual({ id: a!.id, state: "confirmed" });
    expect((await decide(b!.id, "reject")).body).toEqual({ id: b!.id, state: "rejected" });
    const again = await decide(a!.id, "reject");
    expect(again.status).toBe(409);
    expect(again.body.message).toContain("đã được xác nhận");
    const left = (await proposed(monitor)).items.map((l) => l.id);
    expect(left).not.toContain(a!.id);
    expect(left).not.toContain(b!.id);
    const audit = await listAudit(h.ctx.db, [{ entity: "task_link", ids: [a!.id, b!.id] }]);
    expect(audit.map((e) => [Number(e.entity_id), e.action, e.actor_id]).sort()).toEqual(
      [
        [a!.id, "link.confirm", monitor.user.id],
        [b!.id, "link.reject", monitor.user.id],
      ].sort(),
    );
  });

  it("leaves out, for an administrator, the links that touch a confidential task", async () => {
    const link = (await proposed(monitor)).items[0]!;
    await h.ctx.db
      .updateTable("tasks")
      .set({ confidential: 1 })
      .where("id", "=", link.to.id)
      .execute();
    expect((await proposed(admin)).items.map((l) => l.id)).not.toContain(link.id);
    expect((await proposed(leader)).items.map((l) => l.id)).toContain(link.id);
    expect((await proposed(monitor)).items.map((l) => l.id)).toContain(link.id);
  });
});
