/**
 * The built `giamsat` command (packages/cli/dist) run as a real process, as an operator runs
 * it: `giamsat serve` until it prints its address, or any other command to its end.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../../../cli/bin/giamsat.js", import.meta.url));
const built = fileURLToPath(new URL("../../../cli/dist/main.js", import.meta.url));

/** The test's environment over this process's, without a DATABASE_URL the test did not give. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  return { ...base, ...env };
}

function requireBuilt(): void {
  if (!existsSync(built)) throw new Error("the CLI must be built first (npm run build)");
}

export type ServeProcess = {
  address: string;
  process: ChildProcessWithoutNullStreams;
  /** what the process wrote to stdout (its address, the JSON log lines) so far */
  stdout(): string;
  /** what the process wrote to stderr so far */
  stderr(): string;
  /** resolves with the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
};

/** `giamsat serve` (or `demo`, which serves too) until it prints its address. */
export async function startServe(
  env: Record<string, string>,
  command: "serve" | "demo" = "serve",
): Promise<ServeProcess> {
  requireBuilt();
  const child = spawn(process.execPath, [cli, command], {
    env: childEnv({ PORT: "0", ...env }),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let out = "";
  const address = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /đang chạy tại (http:\/\/\S+)\n/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`server exited early (${code}): ${err}`)));
  });
  return { address, process: child, stdout: () => out, stderr: () => err, exited };
}

export type CommandRun = { code: number; stdout: string; stderr: string };

/** Runs `giamsat ARGS…` to its end. */
export function runGiamsat(args: string[], env: Record<string, string>): Promise<CommandRun> {
  requireBuilt();
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { env: childEnv(env) }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
