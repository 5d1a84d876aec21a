/** Argument parsing for commands (node:util parseArgs) with Vietnamese usage errors. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliFailure } from "./command.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseCommandArgs(args: string[], options: Options, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    const what = option ? `Tuỳ chọn không hợp lệ: ${option}` : "Tham số không hợp lệ";
    throw new CliFailure(`${what}. Xem: giamsat ${command} --help`);
  }
}
