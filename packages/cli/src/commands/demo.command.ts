/**
 * `giamsat demo` (what `npm start` runs): migrates; on first run imports the three seed plans
 * (../shared/seeds beside the repository, or examples/ when absent) and creates one demo
 * account per role and a few months of indicator values (demo-values.ts); then serves and
 * prints the address and the accounts with their passwords.
 * The demo passwords are kept in GIAMSAT_DATA_DIR/demo-accounts.json (demo data only).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  findOrganisation,
  findUserByUsername,
  hasPlans,
  hasUsers,
  unitsByTasksLed,
} from "@giamsat/db";
import {
  createUser,
  importPlanBytes,
  listen,
  untilSignal,
  type Ctx,
  type Role,
} from "@giamsat/server";
import { vietnamDay } from "@giamsat/core";
import { EXIT_OK, type CliIO, type Command } from "../command.js";
import { seedDemoValues } from "./demo-values.js";
import { configFrom, withRuntime } from "./serve.context.js";
import { lockDataFolder } from "./serve-lock.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

/** The seed plan files: ../shared/seeds beside the repository, else examples/. */
export function seedFiles(): string[] {
  for (const dir of [
    path.resolve(repoRoot, "../shared/seeds"),
    path.resolve(repoRoot, "examples"),
  ]) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((f) => /\.(txt|md|docx|xlsx)$/i.test(f))
      .sort()
      .map((f) => path.join(dir, f));
    if (files.length) return files;
  }
  return [];
}

type DemoAccount = { username: string; role: Role; password: string; unit: string | null };

const MONITORING_UNIT = "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công";
const DEMO_UNIT = "Cục Thương mại điện tử và Kinh tế số";

/** The unit leading the most tasks, other than those in `except`. */
async function busiestUnit(
  ctx: Ctx,
  except: readonly (number | undefined)[],
): Promise<{ id: number; name: string } | undefined> {
  return (await unitsByTasksLed(ctx.db)).find((r) => !except.includes(r.id));
}

async function createAccounts(ctx: Ctx): Promise<DemoAccount[]> {
  const monitoring = await findOrganisation(ctx.db, MONITORING_UNIT);
  const unit =
    (await findOrganisation(ctx.db, DEMO_UNIT)) ?? (await busiestUnit(ctx, [monitoring?.id]));
  const other = await busiestUnit(ctx, [unit?.id, monitoring?.id]);
  const plan: {
    username: string;
    role: Role;
    displayName: string;
    org: { id: number; name: string } | undefined | null;
  }[] = [
    { username: "admin", role: "admin", displayName: "Quản trị hệ thống", org: null },
    { username: "lanhdao", role: "leader", displayName: "Lãnh đạo Bộ", org: null },
    { username: "theodoi", role: "monitor", displayName: "Chuyên viên theo dõi", org: monitoring },
    { username: "donvi.truong", role: "unit_head", displayName: "Lãnh đạo đơn vị", org: unit },
    {
      username: "donvi.chuyenvien",
      role: "unit_staff",
      displayName: "Chuyên viên đơn vị",
      org: unit,
    },
    {
      username: "donvikhac.chuyenvien",
      role: "unit_staff",
      displayName: "Chuyên viên đơn vị khác",
      org: other,
    },
  ];
  const accounts: DemoAccount[] = [];
  for (const a of plan) {
    if ((a.role === "unit_head" || a.role === "unit_staff") && !a.org) continue;
    const { password } = await createUser(ctx, null, {
      username: a.username,
      role: a.role,
      displayName: a.displayName,
      orgId: a.org?.id ?? null,
    });
    accounts.push({
      username: a.username,
      role: a.role,
      password: password as string,
      unit: a.org?.name ?? null,
    });
  }
  return accounts;
}

async function firstRun(ctx: Ctx, io: CliIO, accountsFile: string): Promise<DemoAccount[]> {
  if (!(await hasPlans(ctx.db))) {
    for (const file of seedFiles()) {
      const outcome = await importPlanBytes(ctx, null, readFileSync(file), path.basename(file));
      io.stdout.write(
        `Đã nhập ${path.basename(file)}: ${outcome.tasks} nhiệm vụ, ${outcome.indicators} chỉ tiêu.\n`,
      );
    }
  }
  if (await hasUsers(ctx.db)) return [];
  const accounts = await createAccounts(ctx);
  writeFileSync(accountsFile, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  const monitor = await findUserByUsername(ctx.db, "theodoi");
  if (monitor) {
    const values = await seedDemoValues(
      ctx,
      {
        userId: monitor.id,
        username: monitor.username,
        displayName: monitor.display_name,
        role: "monitor",
        orgId: monitor.org_id,
        units: null,
        via: "session",
      },
      vietnamDay(),
    );
    io.stdout.write(`Đã thêm ${values} giá trị chỉ tiêu mẫu (các tháng gần nhất, đã chấp nhận).\n`);
  }
  return accounts;
}

export const demoCommand: Command = {
  name: "demo",
  summary: "Chạy bản trình diễn: nhập 3 kế hoạch mẫu, tạo tài khoản mẫu, chạy máy chủ",
  help: [
    "Cách dùng: giamsat demo",
    "",
    "Lần đầu: tạo cơ sở dữ liệu, nhập các kế hoạch mẫu, tạo một tài khoản cho mỗi vai trò.",
    "Sau đó chạy máy chủ như giamsat serve và in địa chỉ cùng các tài khoản mẫu.",
  ].join("\n"),
  run: async (_args, io) => {
    const config = configFrom(io, { GIAMSAT_LOG: io.env.GIAMSAT_LOG ?? "warn" });
    // with PostgreSQL the data folder holds only the evidence files and this list: made here
    // when it does not exist yet (SQLite's is made with its database)
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const accountsFile = path.join(config.dataDir, "demo-accounts.json");
    return withRuntime(config, async ({ ctx }) => {
      const unlock = lockDataFolder(config);
      const created = await firstRun(ctx, io, accountsFile);
      const accounts: DemoAccount[] =
        created.length || !existsSync(accountsFile)
          ? created
          : (JSON.parse(readFileSync(accountsFile, "utf8")) as DemoAccount[]);
      const { app, address } = await listen(ctx);
      io.stdout.write(`\nGiám sát đang chạy tại ${address}\n\nTài khoản mẫu:\n`);
      for (const a of accounts) {
        io.stdout.write(
          `  ${a.username.padEnd(22)} ${a.password.padEnd(16)} ${a.role}${a.unit ? ` — ${a.unit}` : ""}\n`,
        );
      }
      io.stdout.write("\nDừng: Ctrl+C\n");
      await untilSignal();
      await app.close();
      unlock();
      return EXIT_OK;
    });
  },
};
