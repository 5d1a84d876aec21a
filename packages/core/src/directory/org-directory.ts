/**
 * The organisation directory: the default data (organisations.json) plus a user's own entries,
 * indexed by every written form, with owner-first exact and tolerant lookup.
 */
import { ValidationError } from "../errors.js";
import { clean } from "../text/fold.js";
import defaultData from "./organisations.json" with { type: "json" };
import {
  parseDirectoryFile,
  type DirectoryFile,
  type DirectoryFileInput,
  type OrgEntry,
  type OrgEntryInput,
} from "./org-entry.js";
import { entryForms, expandStandardUnits, type FormRank } from "./org-expand.js";
import { costsFrom } from "./org-fuzzy.js";
import { orgKey, trimDangling } from "./org-key.js";

export type OrgMatchMethod = "exact" | "tolerant";

export type OrgResolution =
  | { status: "found"; entry: OrgEntry; method: OrgMatchMethod }
  | { status: "ambiguous"; candidates: OrgEntry[]; method: OrgMatchMethod }
  | { status: "none" };

export interface OrgDirectory {
  readonly entries: readonly OrgEntry[];
  get(id: string): OrgEntry | undefined;
  children(id: string): OrgEntry[];
  /** True when `id` is `ancestorId` or lies below it. */
  isWithin(id: string, ancestorId: string): boolean;
  /** The subtree a plan's owner resolves names in: its ministry or province (or itself). */
  scopeOf(ownerId: string): string;
  /** One name (no list, no brackets) → an entry: within the owner's scope first, then anywhere. */
  resolve(name: string, ownerId?: string | null): OrgResolution;
  /** Like resolve, exact forms only (no tolerance for damage or truncation). */
  lookup(name: string, ownerId?: string | null): OrgResolution;
  /** The organisation whose name (not abbreviation) occurs in free text, longest name first. */
  mentionedIn(text: string): OrgEntry | null;
  /** Entries with this abbreviation or document code (`BCT`, `ĐCK`). */
  withAbbreviation(code: string): OrgEntry[];
}

type Posting = { id: string; rank: FormRank };

let defaults: DirectoryFile | undefined;
let shared: OrgDirectory | undefined;
const MEMO_LIMIT = 20_000;

/**
 * The default directory, extended (or corrected: same id replaces) by `extra`: a list of
 * entries or a whole file of the organisations.json shape. Throws a ValidationError in
 * Vietnamese for a malformed entry, an unknown parent or a cycle.
 */
export function createDirectory(
  extra?: readonly OrgEntryInput[] | DirectoryFileInput,
): OrgDirectory {
  if (extra === undefined && shared) return shared;
  defaults ??= parseDirectoryFile(defaultData, "organisations.json");
  const user = parseDirectoryFile(
    Array.isArray(extra) ? { organisations: extra } : (extra ?? {}),
    "danh mục tổ chức bổ sung",
  );
  const byId = new Map<string, OrgEntry>();
  for (const entry of [...defaults.organisations, ...user.organisations]) byId.set(entry.id, entry);
  const units = [...defaults.standardUnits, ...user.standardUnits];
  for (const entry of expandStandardUnits([...byId.values()], units)) byId.set(entry.id, entry);
  checkTree(byId);
  const directory = buildDirectory(
    [...byId.values()],
    [...defaults.phrases, ...user.phrases],
    byId,
  );
  if (extra === undefined) shared = directory;
  return directory;
}

function checkTree(byId: ReadonlyMap<string, OrgEntry>): void {
  for (const entry of byId.values()) {
    const seen = new Set<string>();
    for (let at: OrgEntry | undefined = entry; at?.parentId; at = byId.get(at.parentId)) {
      if (!byId.has(at.parentId)) {
        throw new ValidationError(
          `Tổ chức "${at.name}" (${at.id}) có đơn vị cấp trên "${at.parentId}" không có trong danh mục.`,
        );
      }
      if (seen.has(at.id))
        throw new ValidationError(
          `Tổ chức "${entry.name}" (${entry.id}) nằm trong một vòng lặp cấp trên.`,
        );
      seen.add(at.id);
    }
  }
}

function buildDirectory(
  entries: readonly OrgEntry[],
  phrases: DirectoryFile["phrases"],
  byId: ReadonlyMap<string, OrgEntry>,
): OrgDirectory {
  const index = new Map<string, Posting[]>();
  const childrenOf = new Map<string, OrgEntry[]>();
  const keyOfForm = new Map<string, string>(); // standard units repeat the same forms
  for (const entry of entries) {
    const parent = entry.parentId ? byId.get(entry.parentId) : undefined;
    if (entry.parentId) {
      const siblings = childrenOf.get(entry.parentId) ?? [];
      siblings.push(entry);
      childrenOf.set(entry.parentId, siblings);
    }
    for (const form of entryForms(entry, parent, phrases)) {
      let key = keyOfForm.get(form.text);
      if (key === undefined) keyOfForm.set(form.text, (key = orgKey(form.text)));
      if (!key) continue;
      const postings = index.get(key) ?? [];
      const same = postings.find((posting) => posting.id === entry.id);
      if (!same) postings.push({ id: entry.id, rank: form.rank });
      else if (form.rank < same.rank) same.rank = form.rank;
      index.set(key, postings);
    }
  }

  /** Keys by their first word, for tolerant lookup (built on the first name not found exactly). */
  let firstWords: Map<string, [string, Posting[]][]> | undefined;
  const byFirstWord = () => {
    if (firstWords) return firstWords;
    firstWords = new Map();
    for (const [key, postings] of index) {
      const word = key.split(" ", 1)[0] ?? "";
      const bucket = firstWords.get(word) ?? [];
      bucket.push([key, postings]);
      firstWords.set(word, bucket);
    }
    return firstWords;
  };

  const get = (id: string) => byId.get(id);
  const isWithin = (id: string, ancestorId: string) => {
    for (let at = get(id); at; at = at.parentId ? get(at.parentId) : undefined) {
      if (at.id === ancestorId) return true;
    }
    return false;
  };
  const scopeOf = (ownerId: string) => {
    let at = get(ownerId);
    while (at?.parentId) {
      const parent = get(at.parentId);
      if (!parent || parent.kind === "central" || at.kind === "central") break;
      at = parent;
    }
    return at?.id ?? ownerId;
  };

  /** Postings (each with a cost) → one entry, the owner's first, then the best written form. */
  const choose = (
    found: { id: string; rank: FormRank; cost: number }[],
    scope: string | null,
    method: OrgMatchMethod,
  ): OrgResolution => {
    if (found.length === 0) return { status: "none" };
    const ranked = found.map((item) => ({
      ...item,
      score: item.cost - (scope && isWithin(item.id, scope) ? 0.75 : 0) + item.rank * 0.1,
    }));
    const best = Math.min(...ranked.map((item) => item.score));
    const ids = [...new Set(ranked.filter((item) => item.score === best).map((item) => item.id))];
    const candidates = ids.map(get).filter((entry): entry is OrgEntry => entry !== undefined);
    const [first] = candidates;
    if (!first) return { status: "none" };
    return candidates.length === 1
      ? { status: "found", entry: first, method }
      : { status: "ambiguous", candidates, method };
  };

  const tolerant = (key: string, scope: string | null): OrgResolution => {
    const near: { id: string; rank: FormRank; cost: number }[] = [];
    const costOf = costsFrom(key);
    for (const [candidate, postings] of byFirstWord().get(key.split(" ", 1)[0] ?? "") ?? []) {
      const cost = costOf(candidate);
      if (cost !== null) for (const posting of postings) near.push({ ...posting, cost });
    }
    return choose(near, scope, "tolerant");
  };
  /**
   * A first word no name starts with, glued by OCR to the next (`cucdoi moi`, `cacdon vi`): cut
   * after the longest first word of the directory it starts with (`cuc doi moi`); else null.
   */
  const unglued = (key: string): string | null => {
    const head = key.split(" ", 1)[0] ?? "";
    if (byFirstWord().has(head)) return null;
    for (let cut = head.length - 2; cut >= 2; cut--) {
      if (byFirstWord().has(head.slice(0, cut)))
        return `${head.slice(0, cut)} ${head.slice(cut)}${key.slice(head.length)}`;
    }
    return null;
  };

  const memo = new Map<string, OrgResolution>();
  const keys = new Map<string, string>();
  const prepare = (name: string, ownerId?: string | null) => {
    let key = keys.get(name);
    if (key === undefined) {
      if (keys.size >= MEMO_LIMIT) keys.clear();
      key = orgKey(trimDangling(clean(name)));
      keys.set(name, key);
    }
    const scope = ownerId && get(ownerId) ? scopeOf(ownerId) : null;
    return { key, scope };
  };
  const lookup = (name: string, ownerId?: string | null): OrgResolution => {
    const { key, scope } = prepare(name, ownerId);
    return choose(
      (index.get(key) ?? []).map((p) => ({ ...p, cost: 0 })),
      scope,
      "exact",
    );
  };
  const resolve = (name: string, ownerId?: string | null): OrgResolution => {
    const { key, scope } = prepare(name, ownerId);
    if (!key) return { status: "none" };
    const memoKey = `${scope ?? ""}\u0000${key}`;
    const known = memo.get(memoKey);
    if (known) return known;
    let result = lookup(name, ownerId);
    if (result.status === "none") result = tolerant(key, scope);
    if (result.status === "none") {
      const split = unglued(key);
      if (split) result = tolerant(split, scope);
    }
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(memoKey, result);
    return result;
  };

  /** Names (not abbreviations, not groups) of five characters or more, longest first. */
  let names: { key: string; postings: Posting[] }[] | undefined;
  const namesByLength = () => {
    names ??= [...index]
      .map(([key, postings]) => ({
        key,
        postings: postings.filter((p) => p.rank < 2 && get(p.id)?.kind !== "group"),
      }))
      .filter((name) => name.key.length >= 5 && name.postings.length > 0)
      .sort((a, b) => b.key.length - a.key.length);
    return names;
  };
  const mentionedIn = (text: string): OrgEntry | null => {
    const padded = ` ${orgKey(text)} `;
    const best = namesByLength().find((name) => padded.includes(` ${name.key} `));
    if (!best) return null;
    const result = choose(
      best.postings.map((p) => ({ ...p, cost: 0 })),
      null,
      "exact",
    );
    return result.status === "found" ? result.entry : null;
  };

  const withAbbreviation = (code: string): OrgEntry[] =>
    (index.get(orgKey(code)) ?? [])
      .filter((posting) => posting.rank === 2)
      .map((posting) => get(posting.id))
      .filter((entry): entry is OrgEntry => entry !== undefined);

  return {
    entries,
    get,
    children: (id) => childrenOf.get(id) ?? [],
    isWithin,
    scopeOf,
    resolve,
    lookup,
    mentionedIn,
    withAbbreviation,
  };
}
