import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cliBin, repoRoot } from "./paths.js";

const run = promisify(execFile);

/** The environment of the CLI and the server under test: its own data folder, always SQLite. */
export function serverEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIAMSAT_DATA_DIR: dataDir,
    GIAMSAT_LOG: "warn",
    ...extra,
  };
  delete env.DATABASE_URL;
  return env;
}

/** Runs `giamsat …` against the test data folder; returns stdout, throws with stderr on failure. */
export async function giamsat(dataDir: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [cliBin, ...args], {
      cwd: repoRoot,
      env: serverEnv(dataDir),
      timeout: 60_000,
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`giamsat ${args.join(" ")} thất bại: ${e.stderr || e.message}`);
  }
}

export const PASSWORD = "MatKhau-E2E-2026!";

/** Creates a user with the test password (optionally in a unit). */
export function addUser(
  dataDir: string,
  username: string,
  role: string,
  org?: string,
): Promise<string> {
  const args = ["user", "add", "--username", username, "--role", role, "--password", PASSWORD];
  if (org) args.push("--org", org);
  return giamsat(dataDir, args);
}
