import SqliteDatabase from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cachingStatements } from "./sqlite-statement-cache.js";

describe("cachingStatements", () => {
  it("prepares each SQL text once and drops the least recently used beyond its size", () => {
    const database = new SqliteDatabase(":memory:");
    const cached = cachingStatements(database, 2);
    const a = cached.prepare("select 1 as v");
    expect(cached.prepare("select 1 as v")).toBe(a);
    const b = cached.prepare("select 2 as v");
    cached.prepare("select 1 as v"); // a is now the most recently used
    cached.prepare("select 3 as v"); // drops b
    expect(cached.prepare("select 1 as v")).toBe(a);
    expect(cached.prepare("select 2 as v")).not.toBe(b);
    cached.close();
    expect(database.open).toBe(false);
  });

  it("keeps a reused statement right after the schema changes", () => {
    const database = new SqliteDatabase(":memory:");
    const cached = cachingStatements(database);
    cached.prepare("create table t (a integer)").run([]);
    cached.prepare("insert into t (a) values (?)").run([1]);
    const select = cached.prepare("select * from t");
    expect(select.all([])).toEqual([{ a: 1 }]);
    cached.prepare("alter table t add column b text").run([]);
    cached.prepare("insert into t (a, b) values (?, ?)").run([2, "x"]);
    expect(cached.prepare("select * from t")).toBe(select);
    expect(select.all([])).toEqual([
      { a: 1, b: null },
      { a: 2, b: "x" },
    ]);
    cached.close();
  });
});
