/**
 * The built `giamsat` command (packages/cli/dist) run as a real process, as an operator runs
 * it: `giamsat serve` until it prints its address, or any other command to its end. A test file
 * that runs it calls `buildCli` first, so the process runs the code under test.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const cli = fileURLToPath(new URL("../../../cli/bin/giamsat.js", import.meta.url));
const built = fileURLToPath(new URL("../../../cli/dist/main.js", import.meta.url));

/** The test's environment over this process's, without a DATABASE_URL the test did not give. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  return { ...base, ...env };
}

function requireBuilt(): void {
  if (!existsSync(built)) throw new Error("the CLI must be built first (buildCli in beforeAll)");
}

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
/** One build at a time over the test workers: a folder made atomically, keyed by the checkout. */
const lock = path.join(
  tmpdir(),
  `giamsat-cli-build-${createHash("sha256").update(root).digest("hex").slice(0, 12)}`,
);
let building: Promise<void> | undefined;

/**
 * Brings packages/cli/dist (and the dist of core, db and server it runs) up to date with the
 * source — `tsc -b`, incremental: about a second when nothing changed — so that a test of the
 * real process never runs an older build than the code under test. Call it in `beforeAll` with
 * a long timeout (a full build takes a minute on a busy machine).
 */
export function buildCli(): Promise<void> {
  building ??= (async () => {
    for (;;) {
      try {
        mkdirSync(lock);
        break;
      } catch {
        // another worker builds; a lock older than 10 minutes was left by a killed run
        const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
        if (Date.now() - since > 600_000) rmSync(lock, { recursive: true, force: true });
        else await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    try {
      await promisify(execFile)(process.execPath, [tsc, "-b", path.join(root, "packages/cli")], {
        cwd: root,
      });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  })();
  return building;
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
