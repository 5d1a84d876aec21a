/**
 * Inline markup that converted documents carry inside text: Markdown emphasis, HTML entities and
 * LaTeX fragments. Everything here turns markup into HTML-like tags (for emphasis) or plain text,
 * so that html-cell.ts has one tag syntax to strip.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  laquo: "«",
  raquo: "»",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  ge: "≥",
  le: "≤",
  times: "×",
};

/** `&amp;`, `&#273;`, `&#x111;` → characters; unknown entities are left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const LATEX_SYMBOLS: [RegExp, string][] = [
  [/\\geq?(?![a-z])/g, "≥"],
  [/\\leq?(?![a-z])/g, "≤"],
  [/\\times(?![a-z])/g, "×"],
  [/\\pm(?![a-z])/g, "±"],
  [/\\%/g, "%"],
  [/\\(?:text|mathrm|mathbf|textbf|textit|operatorname)\s*\{([^{}]*)\}/g, "$1"],
  [/\\[,;:! ]/g, " "],
  [/\\[a-zA-Z]+/g, ""],
  [/[{}]/g, ""],
];

/** `$\geq 100\text{Tbps}$` → `≥ 100Tbps`: only inside `$…$` spans, so prices like "5$" survive. */
export function flattenLatex(text: string): string {
  return text.replace(/\$\$?([^$\n]{1,200})\$\$?/g, (whole, body: string) => {
    if (!/[\\^_{}]/.test(body)) return whole;
    let out = body;
    for (const [re, to] of LATEX_SYMBOLS) out = out.replace(re, to);
    return out.replace(/\s+/g, " ").trim();
  });
}

/**
 * Markdown emphasis → `<b>`/`<i>` tags; escaped characters (`\*`, `\|`, `\_`) → the character.
 * Unpaired `**` left over (emphasis spanning two lines) are dropped.
 */
const ESC = "\u0000";
const ESCAPED = new RegExp(`${ESC}(\\d+)${ESC}`, "g");

export function markdownToTags(text: string): string {
  if (!/[*_\\]/.test(text)) return text;
  let out = text.replace(
    /\\([*_|\\#[\]()`~>-])/g,
    (_m, ch: string) => ESC + ch.charCodeAt(0) + ESC,
  );
  out = out
    .replace(/\*\*\*(\S(?:[^*]*?\S)?)\*\*\*/g, "<b><i>$1</i></b>")
    .replace(/\*\*(\S(?:[^*]*?\S)?)\*\*/g, "<b>$1</b>")
    .replace(/__(\S(?:[^_]*?\S)?)__/g, "<b>$1</b>")
    .replace(/(^|[^*\w])\*(\S(?:[^*]*?\S)?)\*(?![*\w])/g, "$1<i>$2</i>")
    // `_80_`, `_Bộ Công Thương_`; not inside a word (`snake_case`) nor blanks to fill (`số ___`).
    .replace(/(^|[^_\p{L}\p{N}])_([^\s_](?:[^_]*?[^\s_])?)_(?![_\p{L}\p{N}])/gu, "$1<i>$2</i>")
    .replace(/\*\*/g, "");
  return out.replace(ESCAPED, (_m, code: string) => String.fromCharCode(Number(code)));
}
