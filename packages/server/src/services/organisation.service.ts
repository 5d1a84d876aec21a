import { ConflictError, fold, NotFoundError, ValidationError } from "@giamsat/core";
import {
  addAlias,
  ancestorIds,
  aliasesOf,
  getOrganisation,
  insertOrganisation,
  linkTaskUnits,
  listOrganisations,
  organisationsNamed,
  recordAudit,
  unresolvedTaskUnitNames,
  updateOrganisationRow,
  type Database,
  type OrgKind,
} from "@giamsat/db";
import type { Kysely } from "kysely";
import { requireRole, type Actor } from "./actor.js";
import type { Ctx } from "./context.js";

export type OrganisationView = {
  id: number;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  parentId: number | null;
  /** the parent's name, shown beside the name ("Sở Công Thương — Tỉnh Khánh Hòa") */
  parentName: string | null;
  aliases: string[];
  /** staff reports wait for the unit head's sign-off before the review */
  signoffRequired: boolean;
};

export async function listOrganisationsView(
  ctx: Ctx,
  q: {
    q?: string;
    kind?: OrgKind;
    parent?: number;
    id?: number[];
    limit: number;
    offset: number;
  },
): Promise<{ items: OrganisationView[]; total: number }> {
  const { items, total } = await listOrganisations(ctx.db, {
    ...(q.q ? { q: q.q } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.parent !== undefined ? { parentId: q.parent } : {}),
    ...(q.id ? { ids: q.id } : {}),
    limit: q.limit,
    offset: q.offset,
  });
  const aliases = await aliasesOf(
    ctx.db,
    items.map((o) => o.id),
  );
  return {
    items: items.map((o) => ({
      id: o.id,
      name: o.name,
      shortName: o.short_name,
      kind: o.kind,
      parentId: o.parent_id,
      parentName: o.parent_name,
      aliases: aliases.get(o.id) ?? [],
      signoffRequired: o.signoff_required === 1,
    })),
    total,
  };
}

async function loadOrg(ctx: Ctx, id: number) {
  const org = await getOrganisation(ctx.db, id);
  if (!org) throw new NotFoundError(`Không tìm thấy đơn vị số hiệu ${id}.`);
  return org;
}

export type OrganisationInput = {
  name: string;
  shortName?: string | null;
  kind: OrgKind;
  parentId?: number | null;
};

export async function createOrganisation(
  ctx: Ctx,
  actor: Actor,
  input: OrganisationInput,
): Promise<{ id: number }> {
  requireRole(actor, "admin");
  if (input.parentId != null) await loadOrg(ctx, input.parentId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertOrganisation(trx, {
      name: input.name,
      short_name: input.shortName ?? null,
      kind: input.kind,
      parent_id: input.parentId ?? null,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "organisation.create",
      entity: "organisation",
      entityId: created,
      after: input,
    });
    return created;
  });
  return { id };
}

export async function updateOrganisation(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: Partial<OrganisationInput>,
): Promise<{ id: number }> {
  requireRole(actor, "admin");
  const org = await loadOrg(ctx, id);
  if (input.parentId === id)
    throw new ValidationError("parentId: một đơn vị không thể là cấp trên của chính nó.");
  if (input.parentId != null) {
    await loadOrg(ctx, input.parentId);
    // A parent under the organisation itself would make a cycle, and every unit of the cycle
    // would fall within the scope of each of their users.
    if ((await ancestorIds(ctx.db, input.parentId)).includes(id))
      throw new ValidationError(
        "parentId: đơn vị cấp trên được chọn đang trực thuộc chính đơn vị này (tạo vòng lặp).",
      );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateOrganisationRow(trx, id, {
      name: input.name ?? org.name,
      short_name: input.shortName === undefined ? org.short_name : input.shortName,
      kind: input.kind ?? org.kind,
      parent_id: input.parentId === undefined ? org.parent_id : input.parentId,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "organisation.update",
      entity: "organisation",
      entityId: id,
      before: org,
      after: input,
    });
  });
  return { id };
}

/**
 * Maps a raw unit name (as an imported plan spells it) to an organisation: the alias is
 * remembered for the next imports, and task units already stored with that raw name and no
 * organisation are linked to it now.
 */
export async function mapAlias(
  ctx: Ctx,
  actor: Actor,
  orgId: number,
  alias: string,
): Promise<{ orgId: number; alias: string; linked: number }> {
  requireRole(actor, "admin", "monitor");
  await loadOrg(ctx, orgId);
  const folded = fold(alias);
  if (!folded) throw new ValidationError("alias: nhập tên cần ánh xạ.");
  const linked = await ctx.db.transaction().execute(async (trx) => {
    const linkedUnits = await rememberAlias(trx, orgId, alias);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "organisation.alias",
      entity: "organisation",
      entityId: orgId,
      after: { alias, linkedTaskUnits: linkedUnits },
    });
    return linkedUnits;
  });
  return { orgId, alias: alias.trim(), linked };
}

/**
 * A unit name of an imported plan that the directory lacks becomes a new unit under the chosen
 * parent (the monitoring department or an administrator, from the import page's mapper): created,
 * the name remembered as its alias when it differs, and the task units already stored with that
 * name linked to it — in one transaction, audited. A unit of that name under that parent already
 * there → 409 (map the name to it instead).
 */
export async function createUnitForAlias(
  ctx: Ctx,
  actor: Actor,
  input: { name: string; parentId: number; alias: string },
): Promise<{ orgId: number; alias: string; linked: number }> {
  requireRole(actor, "admin", "monitor");
  const name = input.name.trim();
  if (!fold(name)) throw new ValidationError("name: nhập tên đơn vị mới.");
  if (!fold(input.alias)) throw new ValidationError("alias: nhập tên cần ánh xạ.");
  const parent = await loadOrg(ctx, input.parentId);
  const [same] = await organisationsNamed(ctx.db, name, parent.id);
  if (same)
    throw new ConflictError(
      `Đã có đơn vị “${same.name}” thuộc ${parent.name} (số hiệu ${same.id}): hãy chọn đơn vị đó thay vì tạo mới.`,
    );
  return ctx.db.transaction().execute(async (trx) => {
    const orgId = await insertOrganisation(trx, {
      name,
      short_name: null,
      kind: "unit",
      parent_id: parent.id,
    });
    const linked = await rememberAlias(trx, orgId, input.alias);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: "organisation.create_for_alias",
      entity: "organisation",
      entityId: orgId,
      after: { name, parentId: parent.id, alias: input.alias, linkedTaskUnits: linked },
    });
    return { orgId, alias: input.alias.trim(), linked };
  });
}

/** Remembers the alias of an organisation and links the stored task units of that name to it. */
async function rememberAlias(trx: Kysely<Database>, orgId: number, alias: string): Promise<number> {
  const folded = fold(alias);
  await addAlias(trx, orgId, alias.trim());
  // the names stored unlinked are few (distinct): fold them here, link the rows in SQL
  const same = (await unresolvedTaskUnitNames(trx)).filter(
    (u) => fold(u.raw) === folded || fold(u.name) === folded,
  );
  return linkTaskUnits(trx, orgId, {
    raws: same.map((u) => u.raw),
    names: same.map((u) => u.name),
  });
}
