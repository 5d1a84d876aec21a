/** The example plans in examples/ (used by the demo without the seeds) import as they should. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./test-support/run-cli.js";

const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));
const ministry = `${examples}bo-xay-dung-ke-hoach-chuyen-doi-so-2026.txt`;
const province = `${examples}ubnd-ha-tinh-ke-hoach-chuyen-doi-so-2026.md`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function load(file: string): Promise<Json> {
  const run = await runCli(["import", "--dry-run", "--json", file]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
}

describe("example plans", () => {
  it("the ministry plan: tasks with groups, a joined page break, a footnote basis, milestones, indicators", async () => {
    const r = await load(ministry);
    expect(r.document).toMatchObject({
      number: "215/QĐ-BXD",
      date: "2026-02-12",
      issuer: "Bộ Xây dựng",
    });
    const [tasks, indicators] = r.appendices;
    expect(tasks.tasks.map((t: Json) => `${t.groupPath[0]}:${t.number}`)).toEqual([
      "I:1",
      "I:2",
      "II:3",
      "II:4",
      "II:5",
      "III:6",
      "III:7",
    ]);
    const task = (n: string) => tasks.tasks.find((t: Json) => t.number === n);
    expect(task("4").name).toMatch(/các bộ, ngành và địa phương$/);
    expect(task("2").basis.map((d: Json) => d.number)).toEqual(["11/QĐ-BCĐCP"]);
    expect(task("3").milestones.map((m: Json) => m.deadline.due)).toEqual([
      "2026-06-30",
      "2026-12-31",
    ]);
    expect(task("4").lead[0]).toMatchObject({
      name: "Cục Quản lý hoạt động xây dựng",
      resolved: false,
    });
    expect(indicators.indicators.map((i: Json) => [i.number, i.unit, i.periods.length])).toEqual([
      ["1", "%", 2],
      ["2", "%", 0],
      ["3", "Thứ bậc", 0],
    ]);
  });

  it("the province plan in Markdown, and its match with the ministry plan", async () => {
    const r = await load(province);
    expect(r.document).toMatchObject({ number: "38/KH-UBND", date: "2026-03-05" });
    expect(r.appendices[0].tasks.map((t: Json) => `${t.groupPath[0]}:${t.number}`)).toEqual([
      "A:1",
      "A:2",
      "A:3",
      "B:4",
      "B:5",
    ]);
    const match = await runCli(["match", province, ministry, "--json"]);
    expect(JSON.parse(match.stdout).pairs[0]).toMatchObject({
      a: { number: "1" },
      b: { number: "3" },
    });
  });
});
