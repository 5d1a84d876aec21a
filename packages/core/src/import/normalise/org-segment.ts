/**
 * One segment of an organisation cell → the names it lists. A name runs on across `,` and `và`
 * until the next piece opens a unit or a group (`Cục …`, `Các …`), unless the directory knows a
 * longer name (`Các bộ, cơ quan ngang bộ`) or only a shorter one. Distributive lists
 * (`Các bộ, cơ quan: Tư pháp, Công an`) give one name per item.
 */
import {
  isBareHead,
  orgKey,
  startsGroup,
  startsUnit,
  type OrgDirectory,
} from "../../directory/index.js";
import { joinPieces, splitSoft, type OrgPiece } from "./org-split.js";

/** `raw`: the text as written; `name`: what to look up (`Bộ Tư pháp` for the item `Tư pháp`). */
export type OrgSpan = { raw: string; name: string };

type Ctx = { dir: OrgDirectory; ownerId: string | null };

const MAX_SPAN = 8;
/** Longer runs are prose, not two names run together. */
const MAX_WORDS = 30;
/** Heads (as orgKey) that only announce a list: `Chủ trì:`, `Các đơn vị phối hợp gồm:`. */
const LABEL =
  /^(?:(?:cac |nhung )?(?:co quan|don vi)(?: (?:chu tri|phoi hop|lien quan|thuc hien|co))*(?: gom)?|chu tri|phoi hop|gom)$/;
/** Heads that distribute over the list: `Các bộ, cơ quan:`, `UBND các tỉnh:`, `Sở:`. */
const DISTRIBUTIVE =
  /^(?:cac |nhung )?(?:bo|so|cuc|vu|ban|tinh|thanh pho|uy ban nhan dan|ubnd)(?: cac (?:tinh|thanh pho|xa|phuong))*(?: (?:co quan ngang bo|co quan|nganh|ban|dia phuong|don vi|tinh|thanh pho))*$/;
const PREFIXES: [RegExp, string][] = [
  [/\bbo\b/, "Bộ"],
  [/\bso\b/, "Sở"],
  [/\bcuc\b/, "Cục"],
  [/\bvu\b/, "Vụ"],
  [/\bban\b/, "Ban"],
  [/\btinh\b/, "Ủy ban nhân dân tỉnh"],
  [/\bthanh pho\b/, "Ủy ban nhân dân thành phố"],
];

/** The piece opens a new name; a bare head (`Các Cục, Vụ`) belongs to the name before it. */
const opens = (segment: string, piece: OrgPiece | undefined) => {
  if (!piece || isBareHead(piece.text)) return false;
  const rest = segment.slice(piece.start);
  return startsUnit(rest) || startsGroup(rest);
};
const known = (text: string, ctx: Ctx) =>
  ctx.dir.lookup(withoutScope(text).name, ctx.ownerId).status !== "none";
const resolves = (text: string, ctx: Ctx) =>
  ctx.dir.resolve(withoutScope(text).name, ctx.ownerId).status !== "none";

export function segmentNames(segment: string, ctx: Ctx): OrgSpan[] {
  const listed = afterColon(segment, ctx);
  if (listed) return listed;
  const pieces = splitSoft(segment);
  const spans: OrgSpan[] = [];
  for (let i = 0; i < pieces.length;) {
    const end = nameEnd(segment, pieces, i, ctx);
    const text = joinPieces(segment, pieces, i, end);
    for (const part of splitAtHeads(text, ctx)) spans.push({ raw: part, name: part });
    i = end + 1;
  }
  return spans;
}

/**
 * The last piece of the name that starts at piece `i`: the run up to the next piece that opens
 * a name, or a scope bracket; but the longest span the directory knows when it is longer
 * (`Các bộ, cơ quan ngang bộ`), or shorter while the run itself is unknown
 * (`Bộ Khoa học và Công nghệ` out of `Bộ Khoa học và Công nghệ, bộ, ngành`).
 */
function nameEnd(segment: string, pieces: readonly OrgPiece[], i: number, ctx: Ctx): number {
  let runEnd = i;
  while (
    runEnd + 1 < pieces.length &&
    !closesName(pieces[runEnd]) &&
    !opens(segment, pieces[runEnd + 1])
  ) {
    runEnd++;
  }
  for (let j = Math.min(pieces.length - 1, i + MAX_SPAN); j >= i; j--) {
    if (pieces.slice(i, j).some(closesName)) continue;
    if (!known(joinPieces(segment, pieces, i, j), ctx)) continue;
    if (j >= runEnd) return j;
    return resolves(joinPieces(segment, pieces, i, runEnd), ctx) ? runEnd : j;
  }
  return runEnd;
}

/**
 * `Chủ trì: Bộ Công an` (a label), `Văn phòng Chính phủ, các Bộ: Tài chính, Tư pháp` (names,
 * then a distributive head), `Bộ Công an: đầu mối` (a note); null when there is no such colon.
 */
function afterColon(segment: string, ctx: Ctx): OrgSpan[] | null {
  const colon = segment.indexOf(":");
  const head = segment.slice(0, colon);
  const list = segment.slice(colon + 1).trim();
  if (colon <= 0 || colon > 80 || head.includes("(") || !list) return null;
  if (LABEL.test(orgKey(head))) return segmentNames(list, ctx);
  // `Bộ Công an: đầu mối`: a note on the unit, kept as its scope.
  if (!startsUnit(list) && !startsGroup(list) && known(head, ctx)) {
    return [{ raw: segment, name: `${head} (${list})` }];
  }
  const pieces = splitSoft(head);
  for (let k = 0; k < pieces.length; k++) {
    const rest = orgKey(head.slice(pieces[k]?.start ?? 0));
    if (!DISTRIBUTIVE.test(rest)) continue;
    const before = k > 0 ? segmentNames(head.slice(0, pieces[k - 1]?.end ?? 0), ctx) : [];
    return [...before, ...distribute(rest, list, ctx)];
  }
  return null;
}

/** `Các bộ, cơ quan: Tư pháp, Công an, Văn phòng Chính phủ` → Bộ Tư pháp, Bộ Công an, VPCP. */
function distribute(head: string, list: string, ctx: Ctx): OrgSpan[] {
  const prefixes = PREFIXES.filter(([pattern]) => pattern.test(head)).map(([, prefix]) => prefix);
  const pieces = splitSoft(list);
  const spans: OrgSpan[] = [];
  const forms = (text: string) => [text, ...prefixes.map((prefix) => `${prefix} ${text}`)];
  for (let i = 0; i < pieces.length;) {
    let taken = false;
    for (let j = Math.min(pieces.length - 1, i + MAX_SPAN); j >= i && !taken; j--) {
      const raw = joinPieces(list, pieces, i, j);
      const name = forms(raw).find((form) => known(form, ctx));
      if (name) {
        spans.push({ raw, name });
        i = j + 1;
        taken = true;
      }
    }
    if (taken) continue;
    const raw = pieces[i]?.text ?? "";
    const name =
      forms(raw).find((form) => resolves(form, ctx)) ??
      forms(raw)[prefixes.length > 0 ? 1 : 0] ??
      raw;
    spans.push({ raw, name });
    i++;
  }
  return spans;
}

/** `Cục Công nghiệp Cục Điện lực` (a line break lost): cut before a unit head when both sides resolve. */
function splitAtHeads(text: string, ctx: Ctx): string[] {
  if (resolves(text, ctx)) return [text];
  const words = text.split(" ");
  if (words.length > MAX_WORDS) return [text];
  for (let k = 1; k < words.length; k++) {
    const right = words.slice(k).join(" ");
    if (!startsUnit(right)) continue;
    const left = words.slice(0, k).join(" ").replace(/[,;]$/, "");
    if (!resolves(left, ctx)) continue;
    const rest = splitAtHeads(right, ctx);
    if (rest.every((part) => resolves(part, ctx))) return [left, ...rest];
  }
  return [text];
}

/** A piece ending in a bracket (a scope) ends its name. */
function closesName(piece: OrgPiece | undefined): boolean {
  return piece !== undefined && /[)\]]$/.test(piece.text);
}

/** `Cục … (KHCN, ĐMST)` → name and scope; an unclosed bracket cut by a page break counts too. */
export function withoutScope(text: string): { name: string; scope: string | null } {
  const trimmed = text.trim();
  let open = -1;
  if (trimmed.endsWith(")")) {
    let depth = 0;
    for (let i = trimmed.length - 1; i >= 0; i--) {
      if (trimmed[i] === ")") depth++;
      else if (trimmed[i] === "(" && --depth === 0) {
        open = i;
        break;
      }
    }
  } else {
    const last = trimmed.lastIndexOf("(");
    if (last >= 0 && !trimmed.includes(")", last)) open = last;
  }
  const name = open > 0 ? trimmed.slice(0, open).trim() : "";
  return name ? { name, scope: trimmed.slice(open).trim() } : { name: trimmed, scope: null };
}
