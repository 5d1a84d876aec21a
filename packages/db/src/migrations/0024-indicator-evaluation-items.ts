/**
 * The stored evaluation's item (the API item as JSON, ~1 KB) moves to its own table, so that
 * `indicator_evaluations` keeps only the short columns the list filters, counts and orders on
 * (~70 bytes a row): a unit's list joins its few thousand ids against a table of a few MB
 * instead of one of 110 MB at 100,000 indicators, and the page fetches the items of its rows
 * only (bench). Waiting rows (as_of '') have no item.
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("indicator_evaluation_items")
    .addColumn("indicator_id", "integer", (c) =>
      c.primaryKey().references("indicator_evaluations.indicator_id").onDelete("cascade"),
    )
    .addColumn("item", "text", (c) => c.notNull())
    .execute();
  await db
    .insertInto("indicator_evaluation_items")
    .columns(["indicator_id", "item"])
    .expression(
      db
        .selectFrom("indicator_evaluations")
        .select(["indicator_id", "item"])
        .where("as_of", "<>", ""),
    )
    .execute();
  await db.schema.alterTable("indicator_evaluations").dropColumn("item").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("indicator_evaluations")
    .addColumn("item", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db
    .updateTable("indicator_evaluations as e")
    .set((eb) => ({
      item: eb.fn.coalesce(
        eb
          .selectFrom("indicator_evaluation_items as i")
          .select("i.item")
          .whereRef("i.indicator_id", "=", "e.indicator_id"),
        eb.val("{}"),
      ),
    }))
    .execute();
  await db.schema.dropTable("indicator_evaluation_items").execute();
}
