/**
 * A parent change that would make a cycle in the organisation tree is refused
 * (a cycle grew one user's scope from 1 unit to 24).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import { call, makeUser, startHarness, type Harness } from "../test-support/server-harness.js";

describe.each(dialects())("organisation cycles (%s)", (dialect) => {
  let h: Harness;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    admin = await makeUser(h.ctx, "admin");
  });
  afterAll(async () => h.close());

  const create = async (name: string, parentId: number | null) => {
    const res = await call(h.app, {
      method: "POST",
      url: "/api/organisations",
      headers: admin.headers,
      payload: { name, kind: "unit", parentId },
    });
    expect(res.status).toBe(201);
    return res.body.id as number;
  };
  const move = (id: number, parentId: number) =>
    call(h.app, {
      method: "PATCH",
      url: `/api/organisations/${id}`,
      headers: admin.headers,
      payload: { parentId },
    });

  it("refuses a parent that lies under the organisation, keeps a legal move", async () => {
    const top = await create("Bộ Thử nghiệm Vòng", null);
    const mid = await create("Cục Thử nghiệm Vòng", top);
    const leaf = await create("Phòng Thử nghiệm Vòng", mid);
    for (const [id, parent] of [
      [top, leaf],
      [top, mid],
      [mid, leaf],
    ] as const) {
      const res = await move(id, parent);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^parentId: .*vòng lặp/);
    }
    expect((await move(leaf, top)).status).toBe(200);
    const row = await h.ctx.db
      .selectFrom("organisations")
      .select("parent_id")
      .where("id", "=", top)
      .executeTakeFirstOrThrow();
    expect(row.parent_id).toBeNull();
  });
});
