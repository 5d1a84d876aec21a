/**
 * What a row's number cell says: a group (`I`, `II.`, `A.`, `I.1.`), a task or indicator number
 * (`1.`, `12`, `2.3`, `34 (bs)`), a lettered sub-item (`a)`), or nothing.
 */

export type NumberKind =
  "part" | "roman" | "roman-sub" | "digits" | "letter" | "other" | "text" | "none";

export type RowNumber = { kind: NumberKind; value: string; depth: number };

const ROMAN = /^(?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

/** `1.` → `1`; `2.3.` → `2.3`; `5.2_` → `5.2`; `34 (bs)` kept; `a)` → `a`. */
export function cleanNumber(text: string): string {
  return (
    text
      .replace(/\s+/g, " ")
      .trim()
      // stray emphasis left around a number by a conversion: `** II**`, `__3__`
      .replace(/^(\*{1,2}|_{1,2})\s*(\S.*?)\s*\1$/, "$2")
      // marks a scan's OCR leaves after a number (`5.2_`, `5 _`, `3,`): no number ends so
      .replace(/(?<=[\dIVXLC.])[\s_,'‘’|]+$/, "")
      .replace(/^[(\s]+(?=[\dIVXLCa-zA-Z]{1,4}\))/, "")
      .replace(/[.:]+$/, "")
      .replace(/^([^(]*)\)$/, "$1")
      .replace(/[.:]+$/, "")
      .trim()
  );
}

/** An `I` or `l` OCR read among a number's digits is a 1 (`4I` → `41`; `I.1` stays). */
const ocrOnes = (value: string) =>
  value
    .split(".")
    .map((part) => (/^(?=.*\d)(?=.*[Il])[\dIl]+$/.test(part) ? part.replace(/[Il]/g, "1") : part))
    .join(".");

export function readNumber(text: string): RowNumber {
  const value = ocrOnes(cleanNumber(text));
  if (value === "") return { kind: "none", value, depth: 0 };
  if (ROMAN.test(value)) return { kind: "roman", value, depth: 1 };
  const romanSub = /^([IVXLC]+)\.(\d+(?:\.\d+)*)$/.exec(value);
  if (romanSub && ROMAN.test(romanSub[1]!))
    return { kind: "roman-sub", value, depth: 1 + romanSub[2]!.split(".").length };
  if (/^[A-HJ-KM-UWYZ]$/.test(value)) return { kind: "part", value, depth: 0 };
  if (/^\d{1,6}(?:\.\d{1,3})*$/.test(value))
    return { kind: "digits", value, depth: value.split(".").length };
  if (/^[a-zđ]$/.test(value)) return { kind: "letter", value, depth: 0 };
  if (/^\d{1,6}(?:\.\d{1,3})*\s*[(\p{L}*]/u.test(value) && value.length <= 16) {
    return {
      kind: "other",
      value,
      depth: (/^[\d.]+/.exec(value)?.[0] ?? "").split(".").filter(Boolean).length,
    };
  }
  // Words in the number column: not a number (the row's cells are probably shifted).
  return { kind: "text", value, depth: 0 };
}

/** `2.3` → `2`; `5` → null. */
export function parentOf(number: string): string | null {
  const m = /^(.+)\.\d+$/.exec(number);
  return m ? m[1]! : null;
}

export function startsLower(text: string): boolean {
  return /^[\p{Ll}]/u.test(text.trimStart());
}

/** The first word is an acronym (`CNTT`, `CSDL`): neither upper- nor lower-case evidence. */
export function startsWithAcronym(text: string): boolean {
  const w = /^\S+/.exec(text.trimStart())?.[0] ?? "";
  return w.length >= 2 && /^\p{Lu}[\p{Lu}\d&-]+$/u.test(w);
}

export function endsSentence(text: string): boolean {
  return /[.;:!?…]["”)]?\s*$/.test(text.slice(-8));
}

export function isUpperText(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toUpperCase();
}
