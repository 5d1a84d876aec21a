import { readFileSync } from "node:fs";
import { fold } from "@giamsat/core";
import { listAudit } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  makeUser,
  multipart,
  seedPath,
  SEEDS,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

describe.each(dialects())("plan import through the API (%s)", (dialect) => {
  let h: Harness;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const preview = (name: string, content: Buffer) => {
    const form = multipart({}, [{ field: "file", name, content }]);
    return call(h.app, {
      method: "POST",
      url: "/api/imports/preview",
      headers: { ...monitor.headers, ...form.headers },
      payload: form.payload,
    });
  };

  it("previews without storing, confirms once, and re-importing the same file changes nothing", async () => {
    const seed = readFileSync(seedPath("bcdcp"));
    const shown = await preview(SEEDS.bcdcp, seed);
    expect(shown.status).toBe(200);
    expect(shown.body.result.appendices).toHaveLength(1);
    expect(shown.body.existingPlan).toBeNull();
    expect((await h.ctx.db.selectFrom("plans").selectAll().execute()).length).toBe(0);

    const stored = await call(h.app, {
      method: "POST",
      url: "/api/imports",
      headers: monitor.headers,
      payload: { uploadId: shown.body.uploadId },
    });
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ created: true, unchanged: false });
    const tasks = stored.body.tasks;
    expect(tasks).toBe(
      shown.body.result.appendices.reduce(
        (n: number, a: { tasks: unknown[] }) => n + a.tasks.length,
        0,
      ),
    );

    const again = await call(h.app, {
      method: "POST",
      url: "/api/imports",
      headers: monitor.headers,
      payload: { uploadId: shown.body.uploadId },
    });
    expect(again.body).toMatchObject({
      planId: stored.body.planId,
      created: false,
      unchanged: true,
    });
    expect((await preview(SEEDS.bcdcp, seed)).body.existingPlan).toMatchObject({
      id: stored.body.planId,
    });
  });

  it("maps an unresolved unit name to an organisation: linked now, resolved in later previews", async () => {
    // two tasks led by a centre the directory does not know, spelled two ways, one by another
    const plan = Buffer.from(
      [
        "PHỤ LỤC I",
        "DANH MỤC NHIỆM VỤ",
        "",
        "STT\tTên nhiệm vụ\tĐơn vị chủ trì\tThời hạn",
        "1.\tVận hành sàn giao dịch công nghệ\tTrung tâm Ươm tạo Công nghệ Hòa Lạc\t12/2026",
        "2.\tKết nối doanh nghiệp khởi nghiệp\tTRUNG TÂM ƯƠM TẠO CÔNG NGHỆ HÒA LẠC\t11/2026",
        "3.\tKhảo sát nhu cầu\tViện Nghiên cứu Chưa Có Trong Danh Mục\t10/2026",
        "",
      ].join("\n"),
    );
    const before = (await preview("uom-tao.txt", plan)).body;
    const folded = (units: { name: string }[]) => units.map((u) => fold(u.name)).sort();
    expect(folded(before.unresolved)).toEqual([
      "trung tam uom tao cong nghe hoa lac",
      "trung tam uom tao cong nghe hoa lac",
      "vien nghien cuu chua co trong danh muc",
    ]);
    const vien = before.unresolved.find((u: { raw: string }) => u.raw.startsWith("Viện"));
    expect(vien.places).toEqual(["Phụ lục I, nhiệm vụ 3"]);
    const stored = await call(h.app, {
      method: "POST",
      url: "/api/imports",
      headers: monitor.headers,
      payload: { uploadId: before.uploadId },
    });
    expect(stored.status).toBe(201);
    const org = await h.ctx.db
      .insertInto("organisations")
      .values({ name: "Cơ quan Được ánh xạ", kind: "unit", search: "co quan duoc anh xa" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const mapped = await call(h.app, {
      method: "POST",
      url: `/api/organisations/${org.id}/aliases`,
      headers: monitor.headers,
      payload: { alias: "trung tam uom tao cong nghe hoa lac" },
    });
    expect(mapped.status).toBe(201);
    expect(mapped.body.linked).toBe(2);
    const leads = await h.ctx.db
      .selectFrom("tasks")
      .select(["number", "lead_org_id"])
      .where("plan_id", "=", stored.body.planId)
      .orderBy("ordinal")
      .execute();
    expect(leads.map((t) => t.lead_org_id)).toEqual([org.id, org.id, null]);
    // mapping the same name again links nothing more
    const again = await call(h.app, {
      method: "POST",
      url: `/api/organisations/${org.id}/aliases`,
      headers: monitor.headers,
      payload: { alias: "Trung tâm Ươm tạo Công nghệ Hòa Lạc" },
    });
    expect(again.body.linked).toBe(0);
    const after = (await preview("uom-tao.txt", plan)).body;
    expect(folded(after.unresolved)).toEqual(["vien nghien cuu chua co trong danh muc"]);
    const orgs = await call(h.app, {
      url: `/api/organisations?q=duoc anh xa`,
      headers: monitor.headers,
    });
    expect(orgs.body.items[0].aliases).toContain("trung tam uom tao cong nghe hoa lac");

    // the name the directory lacks becomes a new unit under a chosen parent, from the mapper
    const parent = await h.ctx.db
      .insertInto("organisations")
      .values({ name: "Bộ Thử nghiệm", kind: "unit", search: "bo thu nghiem" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const raw = after.unresolved[0].raw as string;
    const create = (payload: object) =>
      call(h.app, {
        method: "POST",
        url: "/api/organisations/for-alias",
        headers: monitor.headers,
        payload,
      });
    const created = await create({ name: "Viện Nghiên cứu Mới", parentId: parent.id, alias: raw });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ alias: raw, linked: 1 });
    const third = await h.ctx.db
      .selectFrom("tasks")
      .select("lead_org_id")
      .where("plan_id", "=", stored.body.planId)
      .where("number", "=", "3")
      .executeTakeFirstOrThrow();
    expect(third.lead_org_id).toBe(created.body.orgId);
    const listed = await call(h.app, {
      url: `/api/organisations?id=${created.body.orgId}`,
      headers: monitor.headers,
    });
    expect(listed.body.items[0]).toMatchObject({
      name: "Viện Nghiên cứu Mới",
      parentName: "Bộ Thử nghiệm",
    });
    expect((await preview("uom-tao.txt", plan)).body.unresolved).toEqual([]);
    const audit = await listAudit(h.ctx.db, [
      { entity: "organisation", ids: [created.body.orgId] },
    ]);
    expect(audit.map((e) => [e.action, e.actor_id])).toEqual([
      ["organisation.create_for_alias", monitor.user.id],
    ]);
    const twice = await create({ name: "viện nghiên cứu mới", parentId: parent.id, alias: raw });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain("Viện Nghiên cứu Mới");
    expect((await create({ name: "Viện X", parentId: 999999, alias: raw })).status).toBe(404);
  });

  it("refuses a file that is not a plan with a Vietnamese message", async () => {
    const res = await preview(
      "anh.png",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("not_a_plan");
    expect(res.body.message).toMatch(/[àáảãạăâđêôơư]/);
  });
});
