/**
 * A number as a sheet cell shows it: `60`, `60,5` or `60.5`, `1.234,5` / `1,234.5` (the last
 * separator is the decimal one when it differs from the others), `1.234.567` (thousands),
 * `1 234`, `60%` (a percent cell: 60). Null when it is none.
 */
export function parseValueNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, "").replace(/%$/, "");
  if (!/^-?\d+([.,]\d+)*$/.test(t)) return null;
  const separators = t.match(/[.,]/g) ?? [];
  const last = separators.at(-1);
  let plain = t;
  if (last && separators.length > 1 && separators.every((s) => s === last)) {
    plain = t.replace(/[.,]/g, "");
  } else if (last) {
    const i = t.lastIndexOf(last);
    plain = `${t.slice(0, i).replace(/[.,]/g, "")}.${t.slice(i + 1)}`;
  }
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}
