/**
 * The directory of organisations: hierarchy (parent_id), kind (unit or group placeholder) and
 * aliases. Names are matched on their folded form (fold(): no diacritics, đ → d, lower case).
 */
import { fold } from "@giamsat/core";
import type { Kysely } from "kysely";
import type { Database, OrgKind, Organisation } from "../schema.js";
import { containsWord } from "./like.js";

type Db = Kysely<Database>;

export interface DirectoryEntryInput {
  name: string;
  shortName?: string | null;
  kind: OrgKind;
  /** the parent's name (an entry of the same list or an organisation already stored) */
  parent?: string | null;
  aliases?: readonly string[];
}

/**
 * Adds the directory's organisations and aliases that are not stored yet (matched by folded
 * name under the same parent) and returns the id of every entry by name. Idempotent.
 */
export async function upsertDirectory(
  db: Db,
  entries: readonly DirectoryEntryInput[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  let pending = [...entries];
  while (pending.length > 0) {
    const waiting: DirectoryEntryInput[] = [];
    for (const entry of pending) {
      const parentId = entry.parent ? (ids.get(entry.parent) ?? null) : null;
      if (entry.parent && parentId === null && pending.some((e) => e.name === entry.parent)) {
        waiting.push(entry);
        continue;
      }
      const parent =
        entry.parent && parentId === null ? await findOrganisation(db, entry.parent) : undefined;
      const id = await ensureOrganisation(db, {
        name: entry.name,
        kind: entry.kind,
        shortName: entry.shortName ?? null,
        parentId: parentId ?? parent?.id ?? null,
      });
      for (const alias of entry.aliases ?? []) await addAlias(db, id, alias);
      ids.set(entry.name, id);
    }
    if (waiting.length === pending.length) {
      throw new Error(
        `Danh mục tổ chức có vòng lặp cấp trên: ${waiting.map((e) => e.name).join(", ")}`,
      );
    }
    pending = waiting;
  }
  return ids;
}

/** The organisation with this folded name under this parent, created when missing. */
export async function ensureOrganisation(
  db: Db,
  org: { name: string; kind: OrgKind; shortName?: string | null; parentId?: number | null },
): Promise<number> {
  const search = fold(org.name);
  let q = db.selectFrom("organisations").select("id").where("search", "=", search);
  q = org.parentId ? q.where("parent_id", "=", org.parentId) : q.where("parent_id", "is", null);
  const found = await q.orderBy("id").executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto("organisations")
    .values({
      name: org.name,
      short_name: org.shortName ?? null,
      kind: org.kind,
      parent_id: org.parentId ?? null,
      search,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds an alias (ignored when the organisation already has it, compared folded). */
export async function addAlias(db: Db, orgId: number, alias: string): Promise<void> {
  await db
    .insertInto("org_aliases")
    .values({ org_id: orgId, alias, alias_folded: fold(alias) })
    .onConflict((oc) => oc.columns(["org_id", "alias_folded"]).doNothing())
    .execute();
}

/**
 * The organisation a name (or alias) designates. Several organisations may share a name
 * ("Vụ Pháp chế" of two ministries): those under `preferParentId` (the plan's owner) come
 * first, then those without a parent, then the oldest.
 */
export async function findOrganisation(
  db: Db,
  name: string,
  options: { preferParentId?: number | null } = {},
): Promise<Organisation | undefined> {
  const folded = fold(name);
  const rows = await db
    .selectFrom("organisations")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("search", "=", folded),
        eb(
          "id",
          "in",
          eb.selectFrom("org_aliases").select("org_id").where("alias_folded", "=", folded),
        ),
      ]),
    )
    .orderBy("id")
    .execute();
  const rank = (o: Organisation) =>
    options.preferParentId && o.parent_id === options.preferParentId
      ? 0
      : o.parent_id === null
        ? 1
        : 2;
  return rows.sort((a, b) => rank(a) - rank(b))[0];
}

export async function getOrganisation(db: Db, id: number): Promise<Organisation | undefined> {
  return db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface OrganisationListQuery {
  /** words searched in the folded name */
  q?: string;
  kind?: OrgKind;
  parentId?: number;
  limit?: number;
  offset?: number;
}

/** Organisations by name, with the total. */
export async function listOrganisations(
  db: Db,
  query: OrganisationListQuery = {},
): Promise<{ items: Organisation[]; total: number }> {
  let q = db.selectFrom("organisations");
  if (query.kind) q = q.where("kind", "=", query.kind);
  if (query.parentId !== undefined) q = q.where("parent_id", "=", query.parentId);
  for (const word of fold(query.q ?? "")
    .split(" ")
    .filter(Boolean)) {
    q = q.where(containsWord("organisations.search", word));
  }
  const items = await q
    .selectAll()
    .orderBy("search")
    .orderBy("id")
    .limit(Math.min(query.limit ?? 100, 1000))
    .offset(query.offset ?? 0)
    .execute();
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { items, total: Number(n) };
}

/** The ids of an organisation and of everything under it (a leader's or a ministry's scope). */
export async function descendantIds(db: Db, rootId: number): Promise<number[]> {
  const all = await db.selectFrom("organisations").select(["id", "parent_id"]).execute();
  const children = new Map<number, number[]>();
  for (const o of all) {
    if (o.parent_id === null) continue;
    children.set(o.parent_id, [...(children.get(o.parent_id) ?? []), o.id]);
  }
  const out = new Set<number>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...out];
}
