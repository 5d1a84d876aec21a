/** Runs `main` in-process with captured output, as a user would run `giamsat …`. */
import { main } from "../main.js";

export type CliRun = { code: number; stdout: string; stderr: string };

export async function runCli(
  argv: string[],
  opts: { env?: Record<string, string>; tty?: boolean } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: opts.env ?? {},
  });
  return { code, stdout, stderr };
}
