/** The plan's own rows: its owner organisation, legal document, appendices, header changes. */
import type { Appendix, ImportResult } from "@giamsat/core";
import type { Transaction } from "kysely";
import { ensureOrganisation, findOrganisation } from "../repositories/organisation.repository.js";
import type { Database, Plan } from "../schema.js";
import type { PlanFieldChange } from "./plan-diff.js";

type Tx = Transaction<Database>;

export async function ownerOf(trx: Tx, issuer: string | null): Promise<number | null> {
  if (!issuer) return null;
  const found = await findOrganisation(trx, issuer);
  return found ? found.id : ensureOrganisation(trx, { name: issuer, kind: "unit" });
}

export async function legalDocument(trx: Tx, result: ImportResult): Promise<number | null> {
  const d = result.document;
  if (!d.number) return null;
  let q = trx.selectFrom("legal_documents").select("id").where("number", "=", d.number);
  q = d.date ? q.where("date", "=", d.date) : q.where("date", "is", null);
  const found = await q.executeTakeFirst();
  if (found) return found.id;
  const row = await trx
    .insertInto("legal_documents")
    .values({
      kind: d.kind,
      number: d.number,
      date: d.date,
      issuer: d.issuer,
      title: d.title,
      key: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAppendix(
  trx: Tx,
  planId: number,
  ordinal: number,
  a: Appendix,
): Promise<number> {
  const row = await trx
    .insertInto("appendices")
    .values({
      plan_id: planId,
      ordinal,
      title: a.title,
      kind: a.kind,
      columns: JSON.stringify(a.columns),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function planChanges(plan: Plan, result: ImportResult): PlanFieldChange[] {
  const d = result.document;
  const pairs: PlanFieldChange[] = [
    { field: "kind", before: plan.kind, after: d.kind },
    { field: "date", before: plan.date, after: d.date },
    { field: "issuer", before: plan.issuer, after: d.issuer },
    { field: "title", before: plan.title, after: d.title },
    { field: "draft", before: plan.draft === 1, after: d.draft },
  ];
  return pairs.filter((p) => p.before !== p.after);
}
