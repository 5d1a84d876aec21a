/**
 * One live report per task and period, enforced by the database:
 * `superseded` marks a report a later one replaces (its correction, or — for rows written before
 * this rule — a newer duplicate); partial unique indexes then allow one pending and one accepted
 * report per (task, period) among the live ones, one correction per report, and one report per
 * submitter and client token (a form sent twice is one report).
 *
 * Existing duplicates are resolved first, so that the indexes can be built: a report with two
 * corrections gets them chained (the later corrects the earlier); of several live pending (or
 * accepted) reports for one task and period the newest stays live, the older ones are marked
 * superseded.
 */
import { sql } from "kysely";
import type { AnyDb } from "./migration.helpers.js";

async function chainDoubleCorrections(db: AnyDb): Promise<void> {
  for (;;) {
    const twice = await db
      .selectFrom("progress_reports")
      .select("supersedes_id")
      .where("supersedes_id", "is not", null)
      .groupBy("supersedes_id")
      .having((eb) => eb.fn.countAll(), ">", 1)
      .limit(1)
      .executeTakeFirst();
    if (!twice) return;
    const rows: { id: number }[] = await db
      .selectFrom("progress_reports")
      .select("id")
      .where("supersedes_id", "=", twice.supersedes_id)
      .orderBy("id")
      .execute();
    // the second correction now corrects the first; any further ones are resolved by the next pass
    await db
      .updateTable("progress_reports")
      .set({ supersedes_id: rows[0]!.id })
      .where("id", "=", rows[1]!.id)
      .execute();
  }
}

async function supersedeOlderDuplicates(db: AnyDb, status: string): Promise<void> {
  await db
    .updateTable("progress_reports as p")
    .set({ superseded: 1 })
    .where("p.status", "=", status)
    .where("p.superseded", "=", 0)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("progress_reports as newer")
          .select("newer.id")
          .whereRef("newer.task_id", "=", "p.task_id")
          .whereRef("newer.period_key", "=", "p.period_key")
          .where("newer.status", "=", status)
          .where("newer.superseded", "=", 0)
          .whereRef("newer.id", ">", "p.id"),
      ),
    )
    .execute();
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("progress_reports")
    .addColumn("superseded", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("progress_reports").addColumn("client_token", "text").execute();
  await chainDoubleCorrections(db);
  await db
    .updateTable("progress_reports as p")
    .set({ superseded: 1 })
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("progress_reports as newer")
          .select("newer.id")
          .whereRef("newer.supersedes_id", "=", "p.id"),
      ),
    )
    .execute();
  await supersedeOlderDuplicates(db, "submitted");
  await supersedeOlderDuplicates(db, "accepted");
  await db.schema
    .createIndex("progress_reports_one_correction")
    .unique()
    .on("progress_reports")
    .column("supersedes_id")
    .where(sql.ref("supersedes_id"), "is not", null)
    .execute();
  for (const status of ["submitted", "accepted"]) {
    await db.schema
      .createIndex(`progress_reports_one_${status}`)
      .unique()
      .on("progress_reports")
      .columns(["task_id", "period_key"])
      .where(sql<boolean>`status = ${sql.lit(status)} AND superseded = 0`)
      .execute();
  }
  await db.schema
    .createIndex("progress_reports_client_token")
    .unique()
    .on("progress_reports")
    .columns(["submitted_by", "client_token"])
    .where(sql.ref("client_token"), "is not", null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const name of [
    "progress_reports_client_token",
    "progress_reports_one_accepted",
    "progress_reports_one_submitted",
    "progress_reports_one_correction",
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.alterTable("progress_reports").dropColumn("client_token").execute();
  await db.schema.alterTable("progress_reports").dropColumn("superseded").execute();
}
