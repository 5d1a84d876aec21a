/**
 * The issuing document from the front matter: `Số: 596 /QĐ-BCT`, `Hà Nội, ngày 31 tháng 3 năm
 * 2026`, the kind line (`QUYẾT ĐỊNH`, `KẾ HOẠCH`…), the title (`Về việc …`), the issuer, `DỰ THẢO`.
 * A document that is only an appendix is described by its caption
 * `(Kèm theo Quyết định số … ngày … của …)`.
 */
import type { DocumentInfo } from "./contract.js";
import { fold } from "../text/fold.js";

const KINDS: [RegExp, string][] = [
  [/^quyet dinh$/, "Quyết định"],
  [/^ke hoach\b/, "Kế hoạch"],
  [/^nghi quyet$/, "Nghị quyết"],
  [/^chuong trinh\b/, "Chương trình"],
  [/^chi thi$/, "Chỉ thị"],
  [/^thong bao$/, "Thông báo"],
  [/^cong van$/, "Công văn"],
  [/^de an$/, "Đề án"],
  [/^quy dinh$/, "Quy định"],
];

/** Kind from the code in a document number: `596/QĐ-BCT` → Quyết định. */
const CODE_KINDS: [RegExp, string][] = [
  [/(?:^|[/-])qd(?:[/-]|$)/, "Quyết định"],
  [/(?:^|[/-])kh(?:[/-]|$)/, "Kế hoạch"],
  [/(?:^|[/-])nq(?:[/-]|$)/, "Nghị quyết"],
  [/(?:^|[/-])ctr(?:[/-]|$)/, "Chương trình"],
  [/(?:^|[/-])ct(?:[/-]|$)/, "Chỉ thị"],
  [/(?:^|[/-])tb(?:[/-]|$)/, "Thông báo"],
];

/** Signers' titles in front of the body they speak for (`Trưởng Ban Chỉ đạo` → `Ban Chỉ đạo`). */
const TITLES_OF_SIGNERS =
  /^(?:q\.\s*|kt\.\s*|tm\.\s*)?(?:bo truong|thu truong|pho chu tich|chu tich|thu tuong|pho truong|truong|giam doc|cuc truong|vu truong|chanh van phong)\s+/;

export type DocumentNumber = { number: string | null; kind: string | null };

/** `4 0 5 /QĐ-BCT` → `405/QĐ-BCT`; `/QĐ-BCĐCP` (blank in a draft) → null. */
export function documentNumber(text: string): DocumentNumber | null {
  const m =
    /(?:^|[\s(])(?:số|so|Số|SỐ)\s*:?\s*([0-9][0-9\s.]*)?(\/\s*[\p{Lu}\p{Ll}0-9][\p{L}0-9\s\-–/.&]*)/u.exec(
      text,
    );
  if (!m) return null;
  const digits = (m[1] ?? "").replace(/[\s.]/g, "");
  const code = (m[2] ?? "")
    .split(/\s+(?:ngày|ngay|của|cua|về|ve|ban hành)\b/u)[0]!
    .replace(/\s+/g, "")
    .replace(/[–]/g, "-")
    .replace(/[.,;:]+$/, "");
  if (!/^\/[\p{L}]/u.test(code)) return null;
  const folded = fold(code);
  const kind = CODE_KINDS.find(([re]) => re.test(folded))?.[1] ?? null;
  return { number: digits ? `${digits}${code}` : null, kind };
}

/** `ngày 31 tháng 3 năm 2026` or `ngày 31/3/2026` → ISO; null when day, month or year is blank. */
export function documentDate(text: string): string | null {
  const f = fold(text);
  const m =
    /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/.exec(f) ??
    /ngay\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(f);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** `của Bộ trưởng Bộ Công Thương)` → `Bộ Công Thương`. */
function issuerFromCaption(text: string): string | null {
  const m = /\b(?:của|cua)\s+([^()]+?)\)?\s*$/iu.exec(text.replace(/\n/g, " "));
  if (!m?.[1]) return null;
  return stripSignerTitle(m[1].trim());
}

function stripSignerTitle(text: string): string {
  const f = fold(text);
  const t = TITLES_OF_SIGNERS.exec(f);
  return t ? text.slice(t[0].length).trim() : text;
}

function isUpper(text: string): boolean {
  return /\p{Lu}/u.test(text) && text === text.toUpperCase();
}

export type FrontMatter = DocumentInfo & {
  issuerText: string | null;
  /** The number line is there but its number is blank (`Số: /QĐ-…`): a draft or unissued text. */
  numberBlank: boolean;
};

/**
 * Reads the front matter from the body paragraphs (before the appendices) and the appendix
 * captions. `caption`: the first appendix caption, used when there is no front matter.
 */
export function parseFrontMatter(paras: { text: string }[], captions: string[]): FrontMatter {
  const head = paras.slice(0, 40).map((p) => p.text);
  const folded = new Map<string, string>();
  const fk = (t: string): string => {
    let f = folded.get(t);
    if (f === undefined) folded.set(t, (f = fold(t)));
    return f;
  };
  const info: FrontMatter = {
    kind: null,
    number: null,
    date: null,
    issuer: null,
    title: null,
    draft: false,
    issuerText: null,
    numberBlank: false,
  };

  const numbered = head
    .filter((t) => /^so\s*(?::|\d|\/)/.test(fk(t)))
    .map(documentNumber)
    .find((n) => n !== null);
  const dated = head.find(
    (t) => /^[^\d\n]{2,40},\s*ngày\s+\S/iu.test(t) || /^\s*ngày\s+\d/iu.test(t),
  );
  const captionRef = captions.map((c) => ({ c, n: documentNumber(c) })).find((x) => x.n !== null);

  info.number = numbered?.number ?? captionRef?.n?.number ?? null;
  info.numberBlank = info.number === null && (numbered ?? captionRef?.n) !== undefined;
  info.date =
    (dated ? documentDate(dated) : null) ??
    (numbered ? null : (captions.map(documentDate).find((d) => d) ?? null));

  const kindIndex = head.findIndex((t) => KINDS.some(([re]) => re.test(fk(t))) && isUpper(t));
  if (kindIndex >= 0) {
    const f = fk(head[kindIndex]!);
    info.kind = KINDS.find(([re]) => re.test(f))?.[1] ?? null;
    info.title = titleAfter(head, kindIndex, fk);
  }
  info.kind ??= numbered?.kind ?? captionRef?.n?.kind ?? null;
  if (!info.kind && captionRef)
    info.kind =
      KINDS.find(([re]) =>
        re.test(fold(captionRef.c).replace(/^\(?\s*(?:ban hanh\s+)?kem theo\s+/, "")),
      )?.[1] ?? null;

  info.issuerText = issuerText(head, fk) ?? captions.map(issuerFromCaption).find((x) => x) ?? null;
  info.draft = head.some(
    (t) =>
      /^\(?\s*du thao\s*\)?\s*(?:\d+|lan \d+)?$/.test(fk(t)) ||
      (/\(\s*du thao\s*\)/.test(fk(t)) && isUpper(t)),
  );
  return info;
}

/** A body paragraph, not a title line: a numbered section, a sentence, or a long paragraph. */
function isProse(text: string): boolean {
  return (
    /^(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s/u.test(text) ||
    /[^.]\.$/.test(text) ||
    text.length > 200
  );
}

/** The title: the lines after the kind line (`Về việc …`), up to the issuing authority or `Căn cứ`. */
function titleAfter(head: string[], kindIndex: number, fk: (t: string) => string): string | null {
  const lines: string[] = [];
  for (const t of head.slice(kindIndex + 1, kindIndex + 5)) {
    const f = fk(t);
    if (/^(?:can cu|quyet dinh|dieu \d)/.test(f) || (isUpper(t) && TITLES_OF_SIGNERS.test(f)))
      break;
    if (lines.length > 0 && isUpper(t) && !isUpper(lines[lines.length - 1]!)) break;
    if (lines.length > 0 && isProse(t)) break;
    lines.push(t);
    if (t.length > 300) break;
  }
  const title = lines.join(" ").replace(/\s+/g, " ").trim();
  return title === "" ? null : title;
}

/** The issuer from the top-left line (`BỘ CÔNG THƯƠNG  CỘNG HÒA XÃ HỘI…`) or `BỘ TRƯỞNG BỘ CÔNG THƯƠNG`. */
function issuerText(head: string[], fk: (t: string) => string): string | null {
  for (let i = 0; i < Math.min(head.length, 12); i++) {
    const t = head[i]!;
    const f = fk(t);
    const at = f.indexOf("cong hoa xa hoi chu nghia");
    if (at > 0) return t.slice(0, at).trim() || null;
    if (at === 0 && i > 0 && isUpper(head[i - 1]!) && !/doc lap/.test(fk(head[i - 1]!)))
      return head[i - 1]!;
  }
  const authority = head.find((t) => isUpper(t) && TITLES_OF_SIGNERS.test(fk(t)) && !/\d/.test(t));
  return authority ? stripSignerTitle(authority) : null;
}
