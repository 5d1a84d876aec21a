/**
 * Output helpers: JSON for machines, and for people a coloured plain-text table. Colours are on
 * only for a terminal, never when NO_COLOR is set (https://no-color.org); FORCE_COLOR turns them
 * on for a non-terminal.
 */
import type { CliIO, OutputStream } from "./command.js";

export type Tone = "bold" | "dim" | "red" | "yellow" | "green" | "cyan";

const CODES: Record<Tone, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
};

export type Palette = { enabled: boolean; paint(text: string, tone?: Tone): string };

export function palette(stream: OutputStream, env: CliIO["env"]): Palette {
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0";
  const enabled =
    env.NO_COLOR === undefined || env.NO_COLOR === "" ? force || !!stream.isTTY : false;
  return {
    enabled,
    paint: (text, tone) => {
      if (!enabled || !tone || text === "") return text;
      const [on, off] = CODES[tone];
      return `\u001b[${on}m${text}\u001b[${off}m`;
    },
  };
}

/** One JSON document, 2-space indent, ending with a newline. Key order is the object's own. */
export function writeJson(io: CliIO, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Length in characters as a terminal shows them (NFC code points). */
function width(text: string): number {
  return [...text.normalize("NFC")].length;
}

/** Cuts to `max` characters, ending with "…" when cut; line breaks become spaces. */
export function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim().normalize("NFC");
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

export type TableCell = string | { text: string; tone?: Tone };

export type TableColumn = { title: string; max?: number; align?: "left" | "right" };

/** A plain-text table: a bold header line, a rule, then the rows; cells cut to the column max. */
export function renderTable(columns: TableColumn[], rows: TableCell[][], p: Palette): string {
  const cells = rows.map((row) =>
    columns.map((col, i) => {
      const cell = row[i] ?? "";
      const text = typeof cell === "string" ? cell : cell.text;
      return {
        text: cut(text, col.max ?? 40),
        tone: typeof cell === "string" ? undefined : cell.tone,
      };
    }),
  );
  const widths = columns.map((col, i) =>
    Math.max(width(col.title), ...cells.map((row) => width(row[i]?.text ?? ""))),
  );
  const pad = (text: string, i: number) => {
    const fill = " ".repeat(Math.max(0, (widths[i] ?? 0) - width(text)));
    return columns[i]?.align === "right" ? fill + text : text + fill;
  };
  const header = columns.map((col, i) => p.paint(pad(col.title, i), "bold")).join("  ");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  const body = cells.map((row) =>
    row
      .map((c, i) => p.paint(pad(c.text, i), c.tone))
      .join("  ")
      .trimEnd(),
  );
  return [header.trimEnd(), p.paint(rule, "dim"), ...body].join("\n");
}
