/**
 * The directory of organisations: hierarchy (parent_id), kind (unit or group placeholder) and
 * aliases. Names are matched on their folded form (fold(): no diacritics, đ → d, lower case).
 */
import { fold } from "@giamsat/core";
import { sql, type Kysely } from "kysely";
import type { Database, OrgKind, Organisation } from "../schema.js";
import { dialectOf } from "../migrations/migration.helpers.js";
import { containsWord } from "./like.js";

type Db = Kysely<Database>;

/** An entry of core's organisation directory (`createDirectory().entries`), structurally. */
export interface DirectoryEntryLike {
  id: string;
  name: string;
  /** central, ministry, agency, province, commune, department or group */
  kind: string;
  parentId: string | null;
  aliases?: readonly string[];
  abbreviations?: readonly string[];
  formerNames?: readonly string[];
}

/**
 * Synchronises the directory into `organisations` (matched by `code` = the entry's id; an
 * organisation an import added by name before, same folded name and parent, is adopted) and
 * adds the aliases, abbreviations and former names not stored yet. Idempotent; returns the
 * number of organisations inserted and the id of every entry by its code. With `keepStored`
 * (the server's start) entries already stored are left as they are — an administrator's
 * rename or move survives the restart — and only the missing ones are added.
 */
export async function upsertDirectory(
  db: Db,
  entries: readonly DirectoryEntryLike[],
  options: { keepStored?: boolean } = {},
): Promise<{ inserted: number; ids: Map<string, number> }> {
  if (!db.isTransaction)
    return db.transaction().execute((trx) => upsertDirectory(trx, entries, options));
  // servers starting together on one PostgreSQL: the second waits, then finds the first's rows
  if (dialectOf(db) === "postgres")
    await sql`LOCK TABLE organisations IN SHARE ROW EXCLUSIVE MODE`.execute(db);
  const existing = await db
    .selectFrom("organisations")
    .select(["id", "code", "name", "kind", "category", "parent_id", "search", "short_name"])
    .execute();
  const ids = new Map<string, number>();
  const uncoded = new Map<string, number>();
  for (const o of existing) {
    if (o.code) ids.set(o.code, o.id);
    else uncoded.set(`${o.parent_id ?? ""}|${o.search}`, o.id);
  }
  const byCode = new Map(existing.filter((o) => o.code).map((o) => [o.code as string, o]));
  let inserted = 0;
  for (const entry of parentsFirst(entries)) {
    const parentId = entry.parentId ? (ids.get(entry.parentId) ?? null) : null;
    const values = {
      code: entry.id,
      name: entry.name,
      short_name: entry.abbreviations?.[0] ?? null,
      kind: entry.kind === "group" ? ("group" as const) : ("unit" as const),
      category: entry.kind,
      parent_id: parentId,
      search: fold(entry.name),
    };
    const stored = byCode.get(entry.id);
    const adopt = stored ? undefined : uncoded.get(`${parentId ?? ""}|${values.search}`);
    const id = stored?.id ?? adopt;
    if (id === undefined) {
      const row = await db
        .insertInto("organisations")
        .values(values)
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.set(entry.id, row.id);
      inserted++;
    } else {
      const same =
        stored &&
        (options.keepStored ||
          (stored.name === values.name &&
            stored.kind === values.kind &&
            stored.category === values.category &&
            stored.parent_id === values.parent_id &&
            stored.short_name === values.short_name));
      if (!same) await db.updateTable("organisations").set(values).where("id", "=", id).execute();
      ids.set(entry.id, id);
    }
  }
  await addMissingAliases(db, entries, ids);
  return { inserted, ids };
}

function parentsFirst(entries: readonly DirectoryEntryLike[]): DirectoryEntryLike[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out: DirectoryEntryLike[] = [];
  const done = new Set<string>();
  const visit = (e: DirectoryEntryLike, path: Set<string>) => {
    if (done.has(e.id)) return;
    if (path.has(e.id)) throw new Error(`Danh mục tổ chức có vòng lặp cấp trên tại "${e.name}"`);
    path.add(e.id);
    const parent = e.parentId ? byId.get(e.parentId) : undefined;
    if (parent) visit(parent, path);
    done.add(e.id);
    out.push(e);
  };
  for (const e of entries) visit(e, new Set());
  return out;
}

async function addMissingAliases(
  db: Db,
  entries: readonly DirectoryEntryLike[],
  ids: ReadonlyMap<string, number>,
): Promise<void> {
  const have = new Set(
    (await db.selectFrom("org_aliases").select(["org_id", "alias_folded"]).execute()).map(
      (a) => `${a.org_id}|${a.alias_folded}`,
    ),
  );
  const rows: { org_id: number; alias: string; alias_folded: string }[] = [];
  for (const e of entries) {
    const orgId = ids.get(e.id);
    if (orgId === undefined) continue;
    for (const alias of [
      ...(e.aliases ?? []),
      ...(e.abbreviations ?? []),
      ...(e.formerNames ?? []),
    ]) {
      const key = `${orgId}|${fold(alias)}`;
      if (have.has(key)) continue;
      have.add(key);
      rows.push({ org_id: orgId, alias, alias_folded: fold(alias) });
    }
  }
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("org_aliases")
      .values(rows.slice(i, i + 200))
      .execute();
  }
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

/**
 * The organisations with exactly this name, compared folded (any case, with or without marks);
 * with `parentId`, only those directly under that organisation.
 */
export async function organisationsNamed(
  db: Db,
  name: string,
  parentId?: number,
): Promise<{ id: number; name: string }[]> {
  let q = db.selectFrom("organisations").select(["id", "name"]).where("search", "=", fold(name));
  if (parentId !== undefined) q = q.where("parent_id", "=", parentId);
  return q.orderBy("id").execute();
}

/** The units (kind `unit`) that lead tasks, the one leading the most first (then by id). */
export async function unitsByTasksLed(db: Db): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom("tasks")
    .innerJoin("organisations", "organisations.id", "tasks.lead_org_id")
    .select(["organisations.id", "organisations.name"])
    .where("organisations.kind", "=", "unit")
    .groupBy(["organisations.id", "organisations.name"])
    .orderBy((eb) => eb.fn.countAll(), "desc")
    .orderBy("organisations.id")
    .execute();
}

export async function getOrganisation(db: Db, id: number): Promise<Organisation | undefined> {
  return db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface OrganisationListQuery {
  /** words searched, folded, in the name, the parent's name and the aliases */
  q?: string;
  kind?: OrgKind;
  parentId?: number;
  /** only these organisations (a picker showing its current value) */
  ids?: readonly number[];
  limit?: number;
  offset?: number;
}

/** An organisation as a list shows it: with its parent's name ("Sở Công Thương — Tỉnh Khánh Hòa"). */
export type ListedOrganisation = Organisation & { parent_name: string | null };

/**
 * Organisations by name, with the total. Every word of `q` must appear in the name, the
 * parent's name or an alias; those whose own name holds every word come first.
 */
export async function listOrganisations(
  db: Db,
  query: OrganisationListQuery = {},
): Promise<{ items: ListedOrganisation[]; total: number }> {
  const words = fold(query.q ?? "")
    .split(" ")
    .filter(Boolean);
  let q = db.selectFrom("organisations as o").leftJoin("organisations as p", "p.id", "o.parent_id");
  if (query.kind) q = q.where("o.kind", "=", query.kind);
  if (query.parentId !== undefined) q = q.where("o.parent_id", "=", query.parentId);
  if (query.ids) q = query.ids.length ? q.where("o.id", "in", query.ids) : q.where(sql.lit(false));
  for (const word of words) {
    q = q.where((eb) =>
      eb.or([
        containsWord("o.search", word),
        containsWord("p.search", word),
        eb.exists(
          eb
            .selectFrom("org_aliases as a")
            .select("a.id")
            .whereRef("a.org_id", "=", "o.id")
            .where(containsWord("a.alias_folded", word)),
        ),
      ]),
    );
  }
  let listed = q.selectAll("o").select("p.name as parent_name");
  if (words.length) {
    listed = listed.orderBy((eb) =>
      eb
        .case()
        .when(eb.and(words.map((w) => containsWord("o.search", w))))
        .then(0)
        .else(1)
        .end(),
    );
  }
  const items = await listed
    .orderBy("o.search")
    .orderBy("o.id")
    .limit(Math.min(query.limit ?? 100, 1000))
    .offset(query.offset ?? 0)
    .execute();
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { items, total: Number(n) };
}

/** Which of these ids are organisations. */
export async function existingOrganisationIds(
  db: Db,
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("organisations")
    .select("id")
    .where("id", "in", [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The names of some organisations, by id. */
export async function organisationNames(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The aliases of some organisations, in the order they were added, by organisation id. */
export async function aliasesOf(db: Db, orgIds: readonly number[]): Promise<Map<number, string[]>> {
  const byOrg = new Map<number, string[]>(orgIds.map((id) => [id, []]));
  if (orgIds.length === 0) return byOrg;
  const rows = await db
    .selectFrom("org_aliases")
    .select(["org_id", "alias"])
    .where("org_id", "in", [...orgIds])
    .orderBy("id")
    .execute();
  for (const row of rows) byOrg.get(row.org_id)?.push(row.alias);
  return byOrg;
}

export type OrganisationValues = {
  name: string;
  short_name: string | null;
  kind: OrgKind;
  parent_id: number | null;
};

/** Inserts an organisation (its folded name kept for search); returns its id. */
export async function insertOrganisation(db: Db, values: OrganisationValues): Promise<number> {
  const row = await db
    .insertInto("organisations")
    .values({ ...values, search: fold(values.name) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisationRow(
  db: Db,
  id: number,
  values: OrganisationValues,
): Promise<void> {
  await db
    .updateTable("organisations")
    .set({ ...values, search: fold(values.name) })
    .where("id", "=", id)
    .execute();
}

/** Which of these organisations are group placeholders ("Các bộ, ngành"), not one unit. */
export async function groupIdsAmong(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom("organisations")
    .select("id")
    .where("id", "in", [...ids])
    .where("kind", "=", "group")
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The organisation's ancestors, nearest first (stops at a cycle already stored, or 100 levels). */
export async function ancestorIds(db: Db, id: number): Promise<number[]> {
  const seen: number[] = [];
  let current: number | null = id;
  while (current !== null && seen.length < 100) {
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom("organisations")
      .select("parent_id")
      .where("id", "=", current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current === null || seen.includes(current) || current === id) break;
    seen.push(current);
  }
  return seen;
}
