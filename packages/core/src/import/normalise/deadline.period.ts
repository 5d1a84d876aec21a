/**
 * Reads one calendar expression (a date, month, quarter, year, or a range of them) at a given
 * position of folded deadline text (see `foldAligned`): `30/6/2026`, `4/2025`, `quy iv/2026`,
 * `nam 2026`, `5-6/2025`, `8/2025-9/2026`, `2027 - 6/2028`, `2026 - 2030`, `thang 9`.
 */
import {
  endOfMonth,
  isoDate,
  isPlausibleYear,
  isValidDate,
  quarterNumber,
} from "./deadline.calendar.js";

export type Span = {
  /** First day covered (ISO). */
  from: string;
  /** Last day covered (ISO). */
  to: string;
  /** Two ends were written (`5-6/2025`, `2026 - 2030`). */
  range: boolean;
  /** The year was not written and was taken from the context. */
  yearAssumed: boolean;
  /** Characters consumed. */
  length: number;
};

export type SpanResult = Span | { invalid: true; length: number } | null;

type Bound = { from: string; to: string } | null;

const END = String.raw`(?![\d/])`;
const Q = String.raw`(?:quy|q)\s*([ivx]+|[1-4])`;
const SEP_YEAR = String.raw`\s*(?:/|nam\s*|-\s*)(\d{4})`;

function year(y: number): Bound {
  return isPlausibleYear(y) ? { from: isoDate(y, 1, 1), to: isoDate(y, 12, 31) } : null;
}
function month(y: number, m: number): Bound {
  return isValidDate(y, m, 1) ? { from: isoDate(y, m, 1), to: endOfMonth(y, m) } : null;
}
function quarter(y: number, q: string): Bound {
  const n = quarterNumber(q);
  if (n === null || !isPlausibleYear(y)) return null;
  return { from: isoDate(y, n * 3 - 2, 1), to: endOfMonth(y, n * 3) };
}
function day(y: number, m: number, d: number): Bound {
  return isValidDate(y, m, d) ? { from: isoDate(y, m, d), to: isoDate(y, m, d) } : null;
}

type Rule = {
  re: RegExp;
  range: boolean;
  needsYear?: boolean;
  read: (g: number[], s: string[], ctxYear: number) => [Bound, Bound];
};

const n = (s: string | undefined) => Number(s);

/** Most specific first: ranges before their single ends. */
const RULES: Rule[] = [
  {
    re: new RegExp(
      String.raw`(?:ngay\s*)?(\d{1,2})/(\d{1,2})/(\d{4})\s*-\s*(?:ngay\s*)?(\d{1,2})/(\d{1,2})/(\d{4})${END}`,
      "y",
    ),
    range: true,
    read: (g) => [day(g[3]!, g[2]!, g[1]!), day(g[6]!, g[5]!, g[4]!)],
  },
  {
    re: new RegExp(String.raw`${Q}\s*-\s*(?:quy\s*|q\s*)?([ivx]+|[1-4])${SEP_YEAR}${END}`, "y"),
    range: true,
    read: (_g, s) => [quarter(n(s[3]), s[1]!), quarter(n(s[3]), s[2]!)],
  },
  {
    re: new RegExp(
      String.raw`(?:thang\s*)?(\d{1,2})/(\d{4})\s*-\s*(?:thang\s*)?(\d{1,2})/(\d{4})${END}`,
      "y",
    ),
    range: true,
    read: (g) => [month(g[2]!, g[1]!), month(g[4]!, g[3]!)],
  },
  {
    re: new RegExp(String.raw`(?:nam\s*)?(\d{4})\s*-\s*(?:thang\s*)?(\d{1,2})/(\d{4})${END}`, "y"),
    range: true,
    read: (g) => [year(g[1]!), month(g[3]!, g[2]!)],
  },
  {
    re: new RegExp(String.raw`(?:thang\s*)?(\d{1,2})/(\d{4})\s*-\s*(?:nam\s*)?(\d{4})${END}`, "y"),
    range: true,
    read: (g) => [month(g[2]!, g[1]!), year(g[3]!)],
  },
  {
    re: new RegExp(
      String.raw`(?:thang\s*)?(\d{1,2})\s*-\s*(?:thang\s*)?(\d{1,2})/(\d{4})${END}`,
      "y",
    ),
    range: true,
    read: (g) => [month(g[3]!, g[1]!), month(g[3]!, g[2]!)],
  },
  {
    re: new RegExp(String.raw`(?:nam\s*)?(\d{4})\s*-\s*(?:nam\s*)?(\d{4})${END}`, "y"),
    range: true,
    read: (g) => [year(g[1]!), year(g[2]!)],
  },
  {
    re: new RegExp(String.raw`(?:ngay\s*)?(\d{1,2})[/.](\d{1,2})[/.](\d{4})${END}`, "y"),
    range: false,
    read: (g) => [day(g[3]!, g[2]!, g[1]!), null],
  },
  {
    re: /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})(?!\d)/y,
    range: false,
    read: (g) => [day(g[3]!, g[2]!, g[1]!), null],
  },
  {
    re: new RegExp(String.raw`${Q}${SEP_YEAR}${END}`, "y"),
    range: false,
    read: (_g, s) => [quarter(n(s[2]), s[1]!), null],
  },
  {
    re: new RegExp(
      String.raw`(?:thang\s*)?(\d{1,2})/(\d{4})${END}|thang\s*(\d{1,2})\s*nam\s*(\d{4})(?!\d)`,
      "y",
    ),
    range: false,
    read: (g) => [g[1] ? month(g[2]!, g[1]) : month(g[4]!, g[3]!), null],
  },
  {
    re: new RegExp(String.raw`(?:nam\s*)?(\d{4})${END}`, "y"),
    range: false,
    read: (g) => [year(g[1]!), null],
  },
  {
    re: /thang\s*(\d{1,2})(?![\d/])/y,
    range: false,
    needsYear: true,
    read: (g, _s, y) => [month(y, g[1]!), null],
  },
  {
    re: new RegExp(String.raw`(?:ngay\s*)?(\d{1,2})/(\d{1,2})${END}`, "y"),
    range: false,
    needsYear: true,
    read: (g, _s, y) => [day(y, g[2]!, g[1]!), null],
  },
];

/**
 * Reads the calendar expression that starts exactly at `pos` of the folded text `f`.
 * Returns null when none starts there, `{ invalid }` when one is written but is not a real
 * date (31/2/2026, month 13), or null too when it needs a year and `ctxYear` is null.
 */
export function readSpan(f: string, pos: number, ctxYear: number | null): SpanResult {
  for (const rule of RULES) {
    rule.re.lastIndex = pos;
    const m = rule.re.exec(f);
    if (!m) continue;
    if (rule.needsYear && ctxYear === null) return null;
    const strings = [...m].map((s) => s ?? "");
    const [a, b] = rule.read(strings.map(n), strings, ctxYear ?? 0);
    const length = m[0].length;
    if (!a || (rule.range && !b)) return { invalid: true, length };
    const to = b ? b.to : a.to;
    if (to < a.from) return { invalid: true, length };
    return { from: a.from, to, range: rule.range, yearAssumed: rule.needsYear === true, length };
  }
  return null;
}
