/**
 * A value's period as people write it in a sheet, read into its key: `2026-05`, `Tháng 5/2026`,
 * `T5/2026`, `5/2026`, `01/05/2026` (a date cell: its month) → `2026-05`; `2026-Q2`,
 * `Quý II/2026`, `Q2/2026` → `2026-Q2`; `2026`, `Năm 2026` → `2026`. Null when it is none.
 */
import { fold } from "../../text/fold.js";

const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

const month = (y: string, m: string): string | null =>
  Number(m) >= 1 && Number(m) <= 12 ? `${y}-${m.padStart(2, "0")}` : null;

const quarter = (y: string, q: string): string | null => {
  const n = ROMAN_QUARTERS[q] ?? Number(q);
  return n >= 1 && n <= 4 ? `${y}-Q${n}` : null;
};

export function parseValuePeriod(text: string): string | null {
  const t = fold(text).replace(/\s*([/-])\s*/g, "$1");
  let m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) return month(m[1]!, m[2]!);
  m = /^(\d{4})-q([1-4])$/.exec(t);
  if (m) return quarter(m[1]!, m[2]!);
  m = /^(?:nam )?(\d{4})$/.exec(t);
  if (m) return m[1]!;
  m = /^(?:thang |t)?(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return month(m[2]!, m[1]!);
  m = /^\d{1,2}\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return month(m[2]!, m[1]!);
  m = /^(?:quy |q)(i{1,3}|iv|[1-4])\/(\d{4})$/.exec(t);
  if (m) return quarter(m[2]!, m[1]!);
  return null;
}
