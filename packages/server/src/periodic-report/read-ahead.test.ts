import { describe, expect, it } from "vitest";
import { withReadAhead } from "./read-ahead.js";

async function* pagesOf(count: number) {
  for (let i = 1; i <= count; i++) {
    await new Promise((r) => setImmediate(r));
    yield [i * 10, i * 10 + 1];
  }
}

describe("a walk's pages read ahead", () => {
  it("pairs each page with its own read, in order, the next read started before a page is handed on", async () => {
    const started: number[] = [];
    const seen: [number[], string][] = [];
    const startedWhenHanded: number[][] = [];
    const read = async (page: number[]) => {
      started.push(page[0]!);
      // later pages answer sooner: the order must still be the walk's
      await new Promise((r) => setTimeout(r, 40 - page[0]! / 10));
      return `đọc ${page[0]}`;
    };
    for await (const [page, added] of withReadAhead(pagesOf(4), read)) {
      seen.push([page, added]);
      startedWhenHanded.push([...started]);
    }
    expect(seen).toEqual([
      [[10, 11], "đọc 10"],
      [[20, 21], "đọc 20"],
      [[30, 31], "đọc 30"],
      [[40, 41], "đọc 40"],
    ]);
    expect(startedWhenHanded.slice(0, 3)).toEqual([
      [10, 20],
      [10, 20, 30],
      [10, 20, 30, 40],
    ]);
  });

  it("passes a failing read on to the caller, and a caller stopping early leaves no failure behind", async () => {
    const failing = (page: number[]) =>
      page[0] === 20 ? Promise.reject(new Error("trang 2")) : Promise.resolve(page.length);
    const walk = async () => {
      for await (const _ of withReadAhead(pagesOf(3), failing));
    };
    await expect(walk()).rejects.toThrow("trang 2");
    for await (const [page] of withReadAhead(pagesOf(3), failing)) {
      expect(page).toEqual([10, 11]);
      break; // page 2's read has failed by now, unobserved
    }
    await new Promise((r) => setTimeout(r, 10));
  });
});
