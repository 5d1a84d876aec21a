/**
 * Organisation cells (`Cơ quan chủ trì`, `Đơn vị phối hợp`…) → `OrgRef[]` (README "Import").
 * Each name is resolved in the directory, within the plan owner's ministry or province first;
 * a name the directory does not know is still returned, with `resolved: false` and a warning.
 */
import { clean } from "../../text/fold.js";
import {
  startsGroup,
  type OrgDirectory,
  type OrgEntry,
  type OrgMatchMethod,
} from "../../directory/index.js";
import type { OrgRef } from "../contract.js";
import { warning, type WarningDraft } from "../warning.js";
import { segmentNames, withoutScope, type OrgSpan } from "./org-segment.js";
import { splitHard, tidyCell } from "./org-split.js";

export { resolveOwner } from "./org-owner.js";

/** The warnings this module gives, by stable code, with what each means. */
export const ORG_WARNINGS = {
  org_unresolved: "Tên đơn vị không có trong danh mục tổ chức: giữ nguyên tên như trong văn bản.",
  org_ambiguous:
    "Tên đơn vị có ở nhiều cơ quan (như “Văn phòng Bộ”) và kế hoạch không cho biết là cơ quan nào.",
  org_corrected:
    "Tên đơn vị viết sai hoặc bị cắt (lỗi chính tả, ngắt trang) và đã được hiểu theo danh mục.",
} as const;
export type OrgWarningCode = keyof typeof ORG_WARNINGS;

const orgWarning = (code: OrgWarningCode, message: string) => warning(code, message);

/** An OrgRef with the directory id it resolved to (null when none, or when ambiguous). */
export type ResolvedOrgRef = OrgRef & { orgId: string | null };

export type OrgContext = {
  /** The organisation whose plan this is (see resolveOwner): its units are preferred. */
  ownerId: string | null;
};

export type OrgParse = { orgs: ResolvedOrgRef[]; warnings: WarningDraft[] };

/** `các địa phương theo phân cấp quản lý ngân sách`: a known group with a qualifier. */
const QUALIFIER = /^(.+?)\s+((?:theo|thuộc phạm vi|trong phạm vi|trong lĩnh vực)\s.+)$/u;

const MEMO_LIMIT = 5_000;
const memos = new WeakMap<OrgDirectory, Map<string, OrgParse>>();

export function parseOrgs(raw: string, dir: OrgDirectory, ctx: OrgContext): OrgParse {
  let memo = memos.get(dir);
  if (!memo) memos.set(dir, (memo = new Map()));
  const memoKey = `${ctx.ownerId ?? ""}\u0000${raw}`;
  let parsed = memo.get(memoKey);
  if (!parsed) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    parsed = parseCell(raw, dir, ctx);
    memo.set(memoKey, parsed);
  }
  // Copies: a caller may change what it gets without touching the memo.
  return {
    orgs: parsed.orgs.map((ref) => ({ ...ref })),
    warnings: parsed.warnings.map((w) => ({ ...w })),
  };
}

function parseCell(raw: string, dir: OrgDirectory, ctx: OrgContext): OrgParse {
  const orgs: ResolvedOrgRef[] = [];
  const warnings: WarningDraft[] = [];
  const seen = new Set<string>();
  for (const segment of splitHard(tidyCell(raw))) {
    for (const span of segmentNames(segment, { dir, ownerId: ctx.ownerId })) {
      const made = toRef(span, dir, ctx.ownerId);
      if (!made) continue;
      const identity = `${made.ref.orgId ?? made.ref.name}\u0000${made.ref.scope ?? ""}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      orgs.push(made.ref);
      if (made.warning && !warnings.some((w) => w.message === made.warning?.message)) {
        warnings.push(made.warning);
      }
    }
  }
  return { orgs, warnings };
}

type Made = { ref: ResolvedOrgRef; warning: WarningDraft | null };

function toRef(span: OrgSpan, dir: OrgDirectory, ownerId: string | null): Made | null {
  const { name: written, scope: bracket } = withoutScope(clean(span.name));
  const name = tidyName(written);
  if (!/\p{L}/u.test(name)) return null;
  let result = dir.resolve(name, ownerId);
  let qualifier: string | null = null;
  const qualified = QUALIFIER.exec(name);
  if (result.status === "none" && qualified?.[1] && qualified[2]) {
    const head = dir.resolve(qualified[1], ownerId);
    if (head.status === "found") [result, qualifier] = [head, qualified[2]];
  }
  const own = bracket && isOwnAbbreviation(bracket, result, dir, ownerId);
  const scope = [own ? null : bracket, qualifier].filter(Boolean).join(" ") || null;
  const base = { raw: clean(span.raw), scope };
  if (result.status === "found") return found(base, name, result.entry, result.method);
  if (result.status === "ambiguous") return ambiguous(base, name, result.candidates, dir);
  const ref = { ...base, name, kind: guessKind(name), resolved: false, orgId: null };
  const what = ref.kind === "group" ? "nhóm đơn vị" : "đơn vị";
  const message = `Không tìm thấy ${what} "${name}" trong danh mục tổ chức.`;
  return { ref, warning: orgWarning("org_unresolved", message) };
}

type Base = { raw: string; scope: string | null };

function found(base: Base, name: string, entry: OrgEntry, method: OrgMatchMethod): Made {
  const ref = { ...base, name: entry.name, kind: kindOf(entry), resolved: true, orgId: entry.id };
  if (method === "exact") return { ref, warning: null };
  const message = `Đã hiểu "${name}" là "${entry.name}" (tên viết sai hoặc bị cắt).`;
  return { ref, warning: orgWarning("org_corrected", message) };
}

/** Several entries: one name (`Văn phòng Bộ` of 14 ministries) is still that name, unplaced. */
function ambiguous(base: Base, name: string, candidates: OrgEntry[], dir: OrgDirectory): Made {
  const names = [...new Set(candidates.map((entry) => entry.name))];
  const [only] = names;
  const ref =
    names.length === 1 && only
      ? { ...base, name: only, kind: kindOf(candidates[0]), resolved: true, orgId: null }
      : { ...base, name, kind: guessKind(name), resolved: false, orgId: null };
  const places = candidates.map((entry) => placeOf(entry, dir));
  const more = places.length > 3 ? ` và ${places.length - 3} nơi khác` : "";
  const message = `Tên đơn vị "${name}" có ở nhiều nơi (${places.slice(0, 3).join("; ")}${more}); chưa xác định được là đơn vị nào.`;
  return { ref, warning: orgWarning("org_ambiguous", message) };
}

/** Bullets, enumerations and dangling punctuation left around a name. */
function tidyName(text: string): string {
  return text
    .replace(/^[\s\-+•*–.,;:]+/u, "")
    .replace(/[\s,;:.\-–…]+$/u, "")
    .trim();
}

function kindOf(entry: OrgEntry | undefined): OrgRef["kind"] {
  return entry?.kind === "group" ? "group" : "unit";
}

function guessKind(name: string): OrgRef["kind"] {
  return startsGroup(name) ? "group" : "unit";
}

/** `Cục Thương mại điện tử và Kinh tế số (TMĐT)`: a bracket naming the unit itself is no scope. */
function isOwnAbbreviation(
  bracket: string,
  result: ReturnType<OrgDirectory["resolve"]>,
  dir: OrgDirectory,
  ownerId: string | null,
): boolean {
  if (result.status !== "found") return false;
  const inner = dir.lookup(bracket.replace(/^\(|\)$/g, ""), ownerId);
  return inner.status === "found" && inner.entry.id === result.entry.id;
}

function placeOf(entry: OrgEntry, dir: OrgDirectory): string {
  const parent = entry.parentId ? dir.get(entry.parentId) : undefined;
  return parent ? `${entry.name} – ${parent.name}` : entry.name;
}
