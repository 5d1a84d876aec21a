import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli } from "../../server/src/test-support/serve-process.js";
import { runCli } from "./test-support/run-cli.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const seeds = join(root, "..", "shared", "seeds");
const fixtures = join(root, "packages/core/src/import/fixtures");
const hasSeeds = existsSync(seeds);
const tmp = mkdtempSync(join(tmpdir(), "giamsat-cli-"));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe("giamsat", () => {
  it("prints help in Vietnamese and lists its commands", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Cách dùng: giamsat LỆNH/);
    expect(run.stdout).toMatch(/\n {2}import {2}/);
    expect(run.stdout).toMatch(/\n {2}match {3}/);
    expect((await runCli(["import", "--help"])).stdout).toMatch(/--dry-run/);
  });

  it("refuses an unknown command or option with one line and exit 2", async () => {
    for (const argv of [
      ["nhap"],
      ["import", "--dry-run", "--bogus", "x.txt"],
      ["match", "a.txt"],
    ]) {
      const run = await runCli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stdout).toBe("");
    }
  });
});

describe("giamsat import --dry-run --json", () => {
  it.skipIf(!hasSeeds)(
    "prints one JSON object per the contract, the same bytes twice",
    async () => {
      for (const seed of [
        "qd596-bct-2026-nq57-plan.txt",
        "qd405-bct-2026-2030-digital-transformation.txt",
        "bcdcp-2026-appendix2-interministerial-tasks.txt",
      ]) {
        const argv = ["import", "--dry-run", "--json", join(seeds, seed)];
        const first = await runCli(argv);
        const second = await runCli(argv);
        expect(first.code).toBe(0);
        expect(first.stderr).toBe("");
        expect(second.stdout).toBe(first.stdout);
        const result = JSON.parse(first.stdout);
        expect(Object.keys(result).slice(0, 3)).toEqual(["document", "appendices", "warnings"]);
        expect(result.appendices.length).toBeGreaterThan(0);
      }
      const r596 = JSON.parse(
        (
          await runCli([
            "import",
            "--dry-run",
            "--json",
            join(seeds, "qd596-bct-2026-nq57-plan.txt"),
          ])
        ).stdout,
      );
      expect(r596.document.number).toBe("596/QĐ-BCT");
      expect(
        r596.appendices.map(
          (a: { tasks: unknown[]; indicators: unknown[] }) => a.tasks.length + a.indicators.length,
        ),
      ).toEqual([28, 63, 11]);
    },
  );

  it("reads the hand-written Markdown and province plans", async () => {
    for (const name of ["markdown-plan.md", "province-plan.txt"]) {
      const run = await runCli(["import", "--dry-run", "--json", join(fixtures, name)]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).appendices.map((a: { kind: string }) => a.kind)).toEqual([
        "tasks",
        "indicators",
      ]);
    }
  });

  const unreadable: [string, () => string, RegExp][] = [
    ["a missing file", () => join(tmp, "khong-co.txt"), /Không tìm thấy tệp/],
    ["a folder", () => tmp, /thư mục/],
    ["an empty file", () => file("rong.txt", ""), /rỗng/],
    [
      "an image",
      () =>
        file(
          "anh.docx",
          new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        ),
      /ảnh quét: tệp ảnh bị hỏng/,
    ],
    [
      "a text without any task table",
      () => file("thu.txt", "Kính gửi các đơn vị.\nĐề nghị báo cáo trước ngày 30/6/2026.\n"),
      /không tìm thấy bảng/,
    ],
  ];
  for (const [what, path, reason] of unreadable) {
    it(`exits 2 with a one-line Vietnamese reason for ${what}`, async () => {
      const run = await runCli(["import", "--dry-run", "--json", path()]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(reason);
      expect(run.stderr.endsWith("\n")).toBe(true);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    });
  }

  it("extends the organisation directory with --orgs or GIAMSAT_ORGS_FILE", async () => {
    const plan = file(
      "ke-hoach.txt",
      "PHỤ LỤC I\nDANH MỤC NHIỆM VỤ\n\nSTT\tTên nhiệm vụ\tĐơn vị chủ trì\tThời hạn\n1.\tVận hành sàn giao dịch công nghệ\tTrung tâm Ươm tạo Công nghệ Hòa Lạc\t12/2026\n",
    );
    const orgs = file(
      "to-chuc.json",
      JSON.stringify([
        {
          id: "ttut-hoa-lac",
          name: "Trung tâm Ươm tạo Công nghệ Hòa Lạc",
          kind: "agency",
          abbreviations: ["TTUT"],
        },
      ]),
    );
    const lead = (stdout: string) => JSON.parse(stdout).appendices[0].tasks[0].lead[0];
    expect(lead((await runCli(["import", "--dry-run", "--json", plan])).stdout).resolved).toBe(
      false,
    );
    expect(
      lead((await runCli(["import", "--dry-run", "--json", "--orgs", orgs, plan])).stdout).resolved,
    ).toBe(true);
    const viaEnv = await runCli(["import", "--dry-run", "--json", plan], {
      env: { GIAMSAT_ORGS_FILE: orgs },
    });
    expect(lead(viaEnv.stdout).resolved).toBe(true);
    const bad = await runCli([
      "import",
      "--dry-run",
      "--json",
      "--orgs",
      file("sai.json", "{ khong phai json"),
      plan,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/không phải JSON hợp lệ/);
  });
});

describe("giamsat import --dry-run (human summary)", () => {
  it("shows the document, counts per appendix, warnings by code and the tasks", async () => {
    const run = await runCli(["import", "--dry-run", join(fixtures, "province-plan.txt")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Văn bản: Kế hoạch số 112\/KH-UBND ngày 20\/02\/2026/);
    expect(run.stdout).toMatch(/PHỤ LỤC I — NHIỆM VỤ TRỌNG TÂM NĂM 2026 +nhiệm vụ +5 +0 +2 +2/);
    expect(run.stdout).toMatch(/Cảnh báo \(\d+\):\n {2}\w+ ×\d+/);
    expect(run.stdout).toMatch(
      /\n2 +Triển khai nền tảng trợ lý ảo.* Sở Khoa học và Công nghệ +31\/10\/2026/,
    );
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("colours only for a terminal, and never with NO_COLOR", async () => {
    const argv = ["import", "--dry-run", join(fixtures, "markdown-plan.md")];
    expect((await runCli(argv, { tty: true })).stdout).toContain("\u001b[1m");
    expect((await runCli(argv, { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(
      "\u001b[",
    );
    expect((await runCli(argv, { env: { FORCE_COLOR: "1" } })).stdout).toContain("\u001b[");
  });
});

describe.skipIf(!hasSeeds)("giamsat match", () => {
  const a = join(seeds, "qd596-bct-2026-nq57-plan.txt");
  const b = join(seeds, "bcdcp-2026-appendix2-interministerial-tasks.txt");

  it("lists the restated tasks with score and reasons (JSON)", async () => {
    const run = await runCli(["match", a, b, "--json"]);
    expect(run.code).toBe(0);
    const { pairs } = JSON.parse(run.stdout);
    const found = pairs.map(
      (p: { a: { number: string }; b: { number: string } }) => `${p.a.number}-${p.b.number}`,
    );
    expect(found).toContain("20-40");
    expect(pairs[0].reasons).toHaveLength(3);
    expect(pairs.every((p: { score: number }) => p.score >= 0.5 && p.score <= 1)).toBe(true);
  });

  it("prints a table, honours --min-score and refuses a bad one", async () => {
    const table = await runCli(["match", a, b, "--min-score", "0.9"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Điểm +A +Nhiệm vụ A +B +Nhiệm vụ B +Lý do/);
    const scores = [...table.stdout.matchAll(/^ *(\d\.\d\d) /gm)].map((m) => Number(m[1]));
    expect(scores.every((s) => s >= 0.9)).toBe(true);
    const bad = await runCli(["match", a, b, "--min-score", "cao"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--min-score/);
  });
});

const bin = join(root, "packages/cli/bin/giamsat.js");
describe("the built giamsat bin", () => {
  beforeAll(buildCli, 600_000);
  it("runs as a process: exit codes 0 and 2, JSON on stdout, one line on stderr", () => {
    const ok = spawnSync(
      process.execPath,
      [bin, "import", "--dry-run", "--json", join(fixtures, "province-plan.txt")],
      { encoding: "utf8" },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).document.number).toBe("112/KH-UBND");
    const bad = spawnSync(
      process.execPath,
      [bin, "import", "--dry-run", "--json", join(tmp, "khong-co.txt")],
      { encoding: "utf8" },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
