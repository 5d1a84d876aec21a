/**
 * The kinds of assigning document a plan cites, as written (folded) and as shown, with the short
 * code used in document keys. Order matters: longer phrases first.
 */
export type DocumentKind = { folded: string; kind: string; code: string };

export const DOCUMENT_KINDS: DocumentKind[] = [
  { folded: "thong bao ket luan", kind: "Thông báo", code: "tb" },
  { folded: "thong bao", kind: "Thông báo", code: "tb" },
  { folded: "nghi quyet", kind: "Nghị quyết", code: "nq" },
  { folded: "nghi dinh", kind: "Nghị định", code: "nd" },
  { folded: "quyet dinh", kind: "Quyết định", code: "qd" },
  { folded: "quy dinh", kind: "Quy định", code: "qdi" },
  { folded: "chuong trinh", kind: "Chương trình", code: "ctr" },
  { folded: "ke hoach", kind: "Kế hoạch", code: "kh" },
  { folded: "cong van", kind: "Công văn", code: "cv" },
  { folded: "van ban", kind: "Văn bản", code: "cv" },
  { folded: "chi thi", kind: "Chỉ thị", code: "ct" },
  { folded: "thong tu", kind: "Thông tư", code: "tt" },
  { folded: "ket luan", kind: "Kết luận", code: "kl" },
  { folded: "to trinh", kind: "Tờ trình", code: "ttr" },
  { folded: "de an", kind: "Đề án", code: "da" },
  { folded: "luat", kind: "Luật", code: "luat" },
];

/** Matches a kind word at a word start in folded text; group 1 is the kind phrase. */
export const KIND_RE = new RegExp(
  String.raw`(?<![a-z\d])(${DOCUMENT_KINDS.map((k) => k.folded.replace(/ /g, "\\s+")).join("|")})(?![a-z])`,
  "g",
);

export function kindOf(folded: string): DocumentKind | null {
  const key = folded.replace(/\s+/g, " ");
  return DOCUMENT_KINDS.find((k) => k.folded === key) ?? null;
}

/** Type codes written inside numbers (`17-TB/…`, `11/QĐ-…`) mapped to key codes. */
export const NUMBER_CODES: Record<string, string> = {
  tb: "tb",
  nq: "nq",
  nd: "nd",
  qd: "qd",
  ctr: "ctr",
  kh: "kh",
  ct: "ct",
  tt: "tt",
  kl: "kl",
  cv: "cv",
};

/** The kind a number's type code stands for, for numbers cited without a kind word (`theo 71/NQ-CP`). */
export function kindOfCode(code: string): DocumentKind | null {
  return DOCUMENT_KINDS.find((k) => k.code === NUMBER_CODES[code]) ?? null;
}
