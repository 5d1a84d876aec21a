/**
 * The order of day and month in a column's numeric dates. Vietnamese documents write
 * day/month/year; a spreadsheet from an English project template writes month/day/year
 * (6/30/2026). A column is read month first only when it proves it — a date whose second figure
 * is over 12 and none whose first is — and the import says so; a column that proves both orders
 * is read day first and warned about.
 */
const NUMERIC = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?!\d)/g;

export type DateOrder =
  | { order: "day-first" }
  | { order: "month-first"; example: string }
  | { order: "conflict"; dayFirst: string; monthFirst: string }
  | { order: "unproven"; example: string };

/** What a column's cells prove about the order of day and month in their numeric dates. */
export function columnDateOrder(cells: readonly string[]): DateOrder {
  let dayFirst: string | null = null;
  let monthFirst: string | null = null;
  let ambiguous: string | null = null;
  for (const cell of cells) {
    for (const m of cell.matchAll(NUMERIC)) {
      const [a, b] = [Number(m[1]), Number(m[3])];
      if (a > 12 && b <= 12) dayFirst ??= m[0];
      else if (b > 12 && a <= 12) monthFirst ??= m[0];
      else if (a <= 12 && b <= 12 && a !== b) ambiguous ??= m[0];
    }
  }
  if (dayFirst && monthFirst) return { order: "conflict", dayFirst, monthFirst };
  if (monthFirst) return { order: "month-first", example: monthFirst };
  if (!dayFirst && ambiguous) return { order: "unproven", example: ambiguous };
  return { order: "day-first" };
}

/** The text with its numeric month/day/year dates written day/month/year. */
export function toDayFirst(text: string): string {
  return text.replace(NUMERIC, (_, m: string, sep: string, d: string, y: string) =>
    [d, m, y].join(sep),
  );
}
