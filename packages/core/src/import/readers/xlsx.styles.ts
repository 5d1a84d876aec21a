/**
 * What an Excel cell's style says about its value and look (xl/styles.xml): whether its number
 * is a date (and with which parts: a cell formatted `mm/yyyy` holds a month, and no day must be
 * invented for it), a percentage, and whether its font is bold or italic.
 */
import { attr, childElements, firstChild, type XmlElement } from "./xml.js";

export type ValueFormat = "number" | "percent" | "date" | "month" | "year";

export type CellStyle = { format: ValueFormat; bold: boolean; italic: boolean };

const PLAIN: CellStyle = { format: "number", bold: false, italic: false };

/** Built-in number formats (ECMA-376 §18.8.30) that show dates. */
const BUILTIN_DATES = new Set([
  14, 15, 16, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);
const BUILTIN_MONTHS = new Set([17]);
const BUILTIN_PERCENT = new Set([9, 10]);

/** Classifies a format code such as `dd/mm/yyyy`, `mm/yyyy`, `0.0%`, `#,##0`. */
export function classifyFormat(code: string): ValueFormat {
  // Literal text, colours / locales and escaped characters say nothing about the value.
  const bare = code
    .split(";")[0]!
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .toLowerCase()
    .replace(/general/g, "");
  if (bare.includes("%")) return "percent";
  const day = /d/.test(bare);
  const year = /y/.test(bare);
  const month = /m/.test(bare) && !/h|s/.test(bare);
  if (day && (month || year)) return "date";
  if (month && year) return "month";
  if (year && !/[0#?]/.test(bare)) return "year";
  return "number";
}

export class XlsxStyles {
  private readonly cellStyles: CellStyle[] = [];

  constructor(stylesXml: XmlElement | null) {
    const sheet = firstChild(stylesXml ?? undefined, "styleSheet");
    if (!sheet) return;
    const codes = new Map<number, string>();
    for (const fmt of childElements(firstChild(sheet, "numFmts") ?? sheet, "numFmt")) {
      codes.set(Number(attr(fmt, "numFmtId")), attr(fmt, "formatCode") ?? "");
    }
    const fonts = childElements(firstChild(sheet, "fonts") ?? sheet, "font").map((font) => ({
      bold: isOn(firstChild(font, "b")),
      italic: isOn(firstChild(font, "i")),
    }));
    for (const xf of childElements(firstChild(sheet, "cellXfs") ?? sheet, "xf")) {
      const id = Number(attr(xf, "numFmtId") ?? 0);
      const code = codes.get(id);
      const format: ValueFormat =
        code !== undefined
          ? classifyFormat(code)
          : BUILTIN_DATES.has(id)
            ? "date"
            : BUILTIN_MONTHS.has(id)
              ? "month"
              : BUILTIN_PERCENT.has(id)
                ? "percent"
                : "number";
      const font = fonts[Number(attr(xf, "fontId") ?? 0)] ?? { bold: false, italic: false };
      this.cellStyles.push({ format, ...font });
    }
  }

  /** The style of a cell's `s` attribute (index into cellXfs). */
  style(index: string | undefined): CellStyle {
    return this.cellStyles[Number(index ?? 0)] ?? PLAIN;
  }
}

function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const val = attr(el, "val");
  return val === undefined || !/^(0|false|off)$/i.test(val);
}

const DAY_MS = 86_400_000;

/** An Excel serial day number → [year, month, day] (1900 or 1904 date system). */
export function serialToDate(serial: number, date1904: boolean): [number, number, number] | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  const whole = Math.floor(serial);
  // The 1900 system counts a 29/02/1900 that never was: serials from 60 on are one day ahead.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, whole < 60 ? 31 : 30);
  const d = new Date(epoch + whole * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

const two = (n: number) => String(n).padStart(2, "0");

/** A date in the plan's own notation: dd/mm/yyyy, or mm/yyyy / yyyy when the format has no day. */
export function formatDate([y, m, d]: [number, number, number], format: ValueFormat): string {
  if (format === "year") return String(y);
  if (format === "month") return `${two(m)}/${y}`;
  return `${two(d)}/${two(m)}/${y}`;
}

/** A number as a person would read it: no float noise (0.1 + 0.2 → 0.3). */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}
