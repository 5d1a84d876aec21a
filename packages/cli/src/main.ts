/**
 * `giamsat`: the command-line tool. Each command lives in commands/<name>.command.ts and is
 * listed in COMMANDS; `main` dispatches, prints help in Vietnamese and turns failures into one
 * line on stderr with the exit code (0 done, 1 internal error, 2 bad input or usage).
 */
import {
  CliFailure,
  EXIT_INPUT,
  EXIT_INTERNAL,
  EXIT_OK,
  processIO,
  type CliIO,
  type Command,
} from "./command.js";
import { importCommand } from "./commands/import.command.js";
import { indicatorsCommand } from "./commands/indicators.command.js";
import { matchCommand } from "./commands/match.command.js";
import { demoCommand } from "./commands/demo.command.js";
import { migrateCommand } from "./commands/migrate.command.js";
import { serveCommand } from "./commands/serve.command.js";
import { userCommand } from "./commands/user.command.js";
import { remindCommand } from "./commands/remind.command.js";
import { reportCommand } from "./commands/report.command.js";
import { backupCommand, restoreCommand } from "./commands/backup.command.js";
import { evidenceCommand } from "./commands/evidence.command.js";
import { recountCommand } from "./commands/recount.command.js";

/** The command table: add a command by importing it and listing it here. */
export const COMMANDS: Command[] = [
  importCommand,
  matchCommand,
  serveCommand,
  migrateCommand,
  userCommand,
  remindCommand,
  reportCommand,
  indicatorsCommand,
  backupCommand,
  restoreCommand,
  evidenceCommand,
  recountCommand,
  demoCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "Giám sát — theo dõi, đánh giá việc thực hiện kế hoạch.",
    "",
    "Cách dùng: giamsat LỆNH [tuỳ chọn]",
    "",
    "Lệnh:",
    ...lines,
    "",
    "Xem trợ giúp của một lệnh: giamsat LỆNH --help",
  ].join("\n");
}

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h" || arg === "help";

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || isHelp(name)) {
    const topic = isHelp(name) ? COMMANDS.find((c) => c.name === args[0]) : undefined;
    io.stdout.write(`${topic ? topic.help : usage()}\n`);
    return name === undefined ? EXIT_INPUT : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`giamsat: lệnh không có: "${name}". Xem: giamsat --help\n`);
    return EXIT_INPUT;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(`${command.help}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr.write(`giamsat ${name}: ${oneLine(error.message)}\n`);
      return error.exitCode;
    }
    io.stderr.write(
      `giamsat ${name}: lỗi nội bộ: ${oneLine(String((error as Error)?.message ?? error))}\n`,
    );
    return EXIT_INTERNAL;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
