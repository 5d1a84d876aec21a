/**
 * Turns the import's organisation references into organisation ids while a plan is stored.
 * A reference the directory resolved is found by its canonical name (units under the plan's
 * owner first) or added; a group placeholder becomes a group under the owner; an unresolved
 * name gets no id and stays as raw text on task_orgs.
 */
import type { OrgRef } from "@giamsat/core";
import { fold } from "@giamsat/core";
import type { Kysely } from "kysely";
import { ensureOrganisation, findOrganisation } from "../repositories/organisation.repository.js";
import type { Database } from "../schema.js";

export type OrgRow = {
  role: "lead" | "coordinator";
  ordinal: number;
  org_id: number | null;
  raw: string;
  name: string;
  kind: OrgRef["kind"];
  scope: string | null;
  resolved: 0 | 1;
};

export class OrgResolver {
  private readonly cache = new Map<string, number | null>();
  /** ids of organisations this import added to the directory */
  readonly added: number[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ownerId: number | null,
  ) {}

  /**
   * The rows that name a task's or an indicator's units (task_orgs, indicator_orgs without
   * their owner column): the lead units, then the coordinators, each with its raw text.
   */
  async rows(lead: readonly OrgRef[], coordinators: readonly OrgRef[]): Promise<OrgRow[]> {
    const rows: OrgRow[] = [];
    for (const [role, refs] of [
      ["lead", lead],
      ["coordinator", coordinators],
    ] as const) {
      for (const [i, ref] of refs.entries()) {
        rows.push({
          role,
          ordinal: i + 1,
          org_id: await this.resolve(ref),
          raw: ref.raw,
          name: ref.name,
          kind: ref.kind,
          scope: ref.scope,
          resolved: ref.resolved ? 1 : 0,
        });
      }
    }
    return rows;
  }

  async resolve(ref: OrgRef): Promise<number | null> {
    if (ref.kind === "unit" && !ref.resolved) return null;
    const key = `${ref.kind}:${fold(ref.name)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const id = ref.kind === "group" ? await this.group(ref.name) : await this.unit(ref.name);
    this.cache.set(key, id);
    return id;
  }

  private async unit(name: string): Promise<number> {
    const found = await findOrganisation(this.db, name, { preferParentId: this.ownerId });
    if (found) return found.id;
    return this.add(name, "unit", null);
  }

  private async group(name: string): Promise<number> {
    const found = await findOrganisation(this.db, name, { preferParentId: this.ownerId });
    if (found && found.kind === "group") return found.id;
    return this.add(name, "group", this.ownerId);
  }

  private async add(
    name: string,
    kind: "unit" | "group",
    parentId: number | null,
  ): Promise<number> {
    const before = await findOrganisation(this.db, name);
    const id = await ensureOrganisation(this.db, { name, kind, parentId });
    if (before?.id !== id) this.added.push(id);
    return id;
  }
}
