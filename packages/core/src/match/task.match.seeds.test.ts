import { describe, expect, it } from "vitest";
import { importDocument } from "../import/import-document.js";
import { seedText } from "./test-support/seed-cells.js";
import { matchTasks, type TaskMatch } from "./index.js";

const plan596 = importDocument(seedText("qd596-bct-2026-nq57-plan.txt"));
const plan405 = importDocument(seedText("qd405-bct-2026-2030-digital-transformation.txt"));
const government = importDocument(seedText("bcdcp-2026-appendix2-interministerial-tasks.txt"));

const id = (m: TaskMatch) => `${m.a.appendix}:${m.a.number}↔${m.b.appendix}:${m.b.number}`;

/** Plan 596's tasks the Government appendix restates, counted by hand (PL I: 0, PL II: 1). */
const EXPECTED_596_GOVERNMENT = [
  ...[
    [18, 8],
    [19, 17],
    [20, 40],
    [21, 47],
    [22, 62],
    [23, 74],
    [24, 75],
    [25, 76],
    [26, 78],
    [27, 97],
  ].map(([a, b]) => `0:${a}↔0:${b}`),
  ...[
    [58, 1],
    [59, 25],
    [60, 29],
    [61, 48],
    [62, 57],
  ].map(([a, b]) => `1:${a}↔0:${b}`),
];

/** Pairs above the threshold that are not in the list: candidates a person would reject or confirm. */
const MAX_EXTRA_PAIRS = 3;

describe("matchTasks on the seed documents", () => {
  it("puts the 15 tasks plan 596 restates from the Government appendix on top", () => {
    const matches = matchTasks(plan596, government);
    const top = matches.slice(0, EXPECTED_596_GOVERNMENT.length).map(id);
    expect(top.sort()).toEqual([...EXPECTED_596_GOVERNMENT].sort());
    for (const m of matches.slice(0, EXPECTED_596_GOVERNMENT.length)) {
      expect(m.reasons).toContain(
        "Văn bản giao là chính kế hoạch được đối chiếu: Quyết định 11/QĐ-BCĐCP",
      );
    }
    expect(matches.length - EXPECTED_596_GOVERNMENT.length).toBeLessThanOrEqual(MAX_EXTRA_PAIRS);
  });

  it("links plan 405 task 8.4 to 596 PL I 19 and to Government task 17, first", () => {
    const to596 = matchTasks(plan405, plan596);
    expect(id(to596[0]!)).toBe("0:8.4↔0:19");
    expect(to596.length - 1).toBeLessThanOrEqual(MAX_EXTRA_PAIRS);
    const toGovernment = matchTasks(plan405, government);
    expect(id(toGovernment[0]!)).toBe("0:8.4↔0:17");
    expect(toGovernment.length - 1).toBeLessThanOrEqual(MAX_EXTRA_PAIRS);
  });

  it("finds the same pairs in the other direction", () => {
    const forward = matchTasks(plan596, government).map((m) => `${id(m)}`);
    const backward = matchTasks(government, plan596).map(
      (m) => `${m.b.appendix}:${m.b.number}↔${m.a.appendix}:${m.a.number}`,
    );
    expect(backward.slice(0, 15).sort()).toEqual(forward.slice(0, 15).sort());
  });

  it("is deterministic", () => {
    expect(JSON.stringify(matchTasks(plan596, government))).toBe(
      JSON.stringify(matchTasks(plan596, government)),
    );
  });
});
