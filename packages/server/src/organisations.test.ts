import { createDirectory, fold } from "@giamsat/core";
import { upsertDirectory } from "@giamsat/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import { call, makeUser, startHarness, type Harness } from "./test-support/server-harness.js";

type Listed = { id: number; name: string; parentName: string | null };

describe.each(dialects())("the unit picker's search over the whole directory (%s)", (dialect) => {
  let h: Harness;
  let admin: Awaited<ReturnType<typeof makeUser>>;
  const directory = createDirectory();
  beforeAll(async () => {
    h = await startHarness(dialect);
    await upsertDirectory(h.ctx.db, directory.entries);
    admin = await makeUser(h.ctx, "admin");
  });
  afterAll(async () => h.close());

  const search = async (query: string) => {
    const res = await call(h.app, {
      method: "GET",
      url: `/api/organisations?${query}`,
      headers: admin.headers,
    });
    expect(res.status).toBe(200);
    return res.body as { items: Listed[]; total: number };
  };

  it("finds a ministry's department beyond the first 100 entries, without diacritics, with its parent", async () => {
    const first = await search("kind=unit&limit=100");
    expect(first.total).toBeGreaterThan(700);
    const shown = new Set(first.items.map((o) => o.name));
    const beyond = directory.entries.find((e) => e.parentId === "bct" && !shown.has(e.name));
    expect(beyond?.name).toMatch(/^(Cục|Vụ)/);
    const found = await search(`q=${encodeURIComponent(fold(beyond!.name))}&kind=unit&limit=20`);
    expect(found.items).toContainEqual(
      expect.objectContaining({ name: beyond!.name, parentName: "Bộ Công Thương" }),
    );
  });

  it("matches words of the parent's name, and aliases; the entries named by every word come first", async () => {
    const khanhHoa = await search(`q=${encodeURIComponent("sở công thương khánh hòa")}&limit=8`);
    expect(khanhHoa.items.map((o) => `${o.name} — ${o.parentName}`)).toEqual([
      "Sở Công Thương — Ủy ban nhân dân tỉnh Khánh Hòa",
    ]);
    const congThuong = (await search("q=cong%20thuong&limit=1000")).items;
    const ownName = congThuong.map((o) => /cong/.test(fold(o.name)) && /thuong/.test(fold(o.name)));
    expect(ownName.indexOf(false)).toBeGreaterThan(0);
    expect(ownName.slice(ownName.indexOf(false))).not.toContain(true);
    expect(congThuong.some((o) => o.name === "Cục Điện lực")).toBe(true);
    expect((await search("q=pc&limit=100")).items.map((o) => o.name)).toContain("Vụ Pháp chế");
  });

  it("returns the units asked for by id (a picker showing its current value)", async () => {
    const [a, b] = (await search("q=cuc&limit=2")).items;
    const byId = await search(`id=${a!.id},${b!.id}`);
    expect(byId.items.map((o) => o.id).sort()).toEqual([a!.id, b!.id].sort());
    const bad = await call(h.app, {
      method: "GET",
      url: "/api/organisations?id=abc",
      headers: admin.headers,
    });
    expect(bad.status).toBe(400);
  });
});
