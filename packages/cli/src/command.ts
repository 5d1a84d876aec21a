/** What a `giamsat` command is, and the input/output it runs with (real or captured in tests). */

export type OutputStream = { write(text: string): unknown; isTTY?: boolean };

export type CliIO = {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
};

export type Command = {
  name: string;
  /** One line in Vietnamese, shown in `giamsat --help`. */
  summary: string;
  /** The command's own help text (usage and options), in Vietnamese. */
  help: string;
  run(args: string[], io: CliIO): Promise<number>;
};

/** Exit codes: 0 done, 1 internal error, 2 the input or the usage is wrong. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

/** A failure to report to the user on one line of stderr, with its exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_INPUT,
  ) {
    super(message);
    this.name = "CliFailure";
  }
}

export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
