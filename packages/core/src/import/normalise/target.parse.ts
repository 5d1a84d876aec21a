/**
 * Indicator targets → `Target` (README "Import: formats, contract, directory"): comparators (`≥80`, `>= 80`, LaTeX
 * `$\geq 100\text{Tbps}$`, `Tối thiểu`, `không quá`), scoped parts (`≤ 3 Đông Nam Á; ≤ 50 Thế
 * giới`), increases (`Thêm 02 tuyến`, `Tăng 02 bậc`), ranges (`90%-100%`), Vietnamese decimals
 * (`1,5`). A plain number takes its direction from the unit: a rank (`Thứ bậc`, `hạng`) is
 * better when lower ("<="), anything else is a floor (">="). "=" only where the text says so.
 */
import type { Target, TargetOp, TargetPart } from "../contract.js";
import { foldAligned } from "./deadline.calendar.js";

const AT_LEAST =
  /^(?:[>≥]|(?:toi thieu|it nhat|khong duoi|khong it hon|dat tren|tren|dat|tu)\b)\s*/;
const AT_MOST =
  /^(?:[<≤]|(?:toi da|khong qua|khong vuot qua|khong vuot|khong cao hon|duoi|top|trong nhom)\b)\s*/;
const INCREASE = /^(?:tang them|tang|them|nang)\b\s*/;
const DECREASE = /^giam\b\s*/;
const EXACT = /^(?:=|(?:bang|dung)\b)\s*/;
/** Words that soften a figure without giving it a direction (`Khoảng 2.000`). */
const ABOUT = /^(?:khoang|xap xi|gan|dat muc|muc)\b\s*/;
const NUMBER = /(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)/;
const SCOPE_WORDS =
  /the gioi|toan cau|dong nam a|asean|chau a|khu vuc|ca nuoc|toan quoc|trong nuoc|quoc te|quoc gia|thu do|dia phuong/;
const RANK_UNIT = /thu bac|thu hang|xep hang|hang|bac|vi tri|thu tu/;

/** LaTeX and ASCII comparators written as the signs the parser reads. */
function tidy(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/<[^>]*>/g, " ")
    .replace(/\\(?:geq|ge)(?![a-z])|>=|=>/g, "≥")
    .replace(/\\(?:leq|le)(?![a-z])|<=|=</g, "≤")
    .replace(/\\(?:text|mathrm|textbf)\s*\{([^}]*)\}/g, " $1")
    .replace(/\\[,;!\s]|[${}]/g, " ")
    .replace(/\\%/g, "%")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

/** `1,5` → 1.5; `1.000` → 1000; `99.5` → 99.5. */
export function parseVietnameseNumber(text: string): number {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text))
    return Number(text.replace(/\./g, "").replace(",", "."));
  return Number(text.replace(",", "."));
}

function isRankUnit(unit: string | null): boolean {
  return unit !== null && RANK_UNIT.test(foldAligned(unit));
}

const words = (s: string) =>
  new Set(
    foldAligned(s)
      .split(/[^a-z\d%]+/)
      .filter((w) => w.length > 1),
  );

/** Words around the number: the part's own unit, or a scope such as `Đông Nam Á`. */
function unitAndScope(
  tail: string,
  head: string,
  unit: string | null,
): { unit: string | null; scope: string | null } {
  const trim = (s: string) => s.replace(/^[\s:,.()]+|[\s:,.()]+$/g, "");
  const h = trim(head) || null;
  let rest = trim(tail);
  const pct = rest.startsWith("%");
  if (pct) rest = trim(rest.slice(1));
  const own = pct ? "%" : unit;
  if (rest === "") return { unit: own, scope: h };
  const sameAsUnit = unit !== null && [...words(rest)].some((w) => words(unit).has(w));
  if (!pct && (sameAsUnit || (unit === null && !SCOPE_WORDS.test(foldAligned(rest))))) {
    return { unit: rest, scope: h };
  }
  return { unit: own, scope: [h, rest].filter(Boolean).join(" ") };
}

const OPS = [
  [AT_LEAST, ">="],
  [AT_MOST, "<="],
  [INCREASE, "increase"],
  [DECREASE, "decrease"],
  [EXACT, "="],
  [ABOUT, "about"],
] as const;

/** Reads the comparator words in front of the number. */
function readOps(f: string, at: number): { op: TargetOp | null; sign: number; pos: number } {
  let op: TargetOp | null = null;
  let sign = 1;
  let pos = at;
  for (;;) {
    const rest = f.slice(pos);
    const hit = OPS.map(([re, o]) => [re.exec(rest), o] as const).find(
      ([m]) => m !== null && m[0] !== "",
    );
    if (!hit) return { op, sign, pos };
    const [m, o] = hit;
    if (o === "decrease") [op, sign] = ["increase", -1];
    else if (o !== "about") op ??= o;
    pos += m![0].length;
  }
}

function parsePart(text: string, unit: string | null): TargetPart | null {
  const f = foldAligned(text);
  const at = f.search(
    /[<>≤≥=]|\d|(?<![a-z])(?:toi thieu|it nhat|khong|toi da|tang|them|giam|top|dat|tren|duoi|nang|bang|dung|khoang|xap xi|gan|muc|tu)(?![a-z])/,
  );
  if (at < 0) return null;
  const { op, sign, pos } = readOps(f, at);
  const num = new RegExp(NUMBER.source, "y");
  num.lastIndex = pos;
  const m = num.exec(f);
  if (!m) return null;
  const value = sign * parseVietnameseNumber(m[1]!);
  const head = text.slice(0, at);
  const range = new RegExp(String.raw`\s*(%?)\s*(?:-|den)\s*${NUMBER.source}`, "y");
  range.lastIndex = num.lastIndex;
  const r = range.exec(f);
  if (r) {
    const where = unitAndScope(text.slice(range.lastIndex), head, unit);
    return {
      op: "range",
      value,
      max: parseVietnameseNumber(r[2]!),
      ...where,
      ...(r[1] ? { unit: "%" } : {}),
    };
  }
  const where = unitAndScope(text.slice(num.lastIndex), head, unit);
  return { op: op ?? (isRankUnit(where.unit) ? "<=" : ">="), value, ...where };
}

export function parseTarget(raw: string, unit: string | null): Target | null {
  const text = tidy(raw);
  if (text === "") return null;
  const u = unit === null || unit.trim() === "" ? null : unit.trim();
  const parts = text
    .split(/\s*[;\n]\s*/)
    .map((p) => parsePart(p, u))
    .filter((p): p is TargetPart => p !== null);
  return { raw, parts };
}
