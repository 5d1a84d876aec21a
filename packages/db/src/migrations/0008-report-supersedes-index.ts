/**
 * The review queue leaves out reports a later correction supersedes (`NOT EXISTS (… WHERE
 * newer.supersedes_id = progress_reports.id)`); without an index on `supersedes_id` each
 * queued report scanned every report, so the queue slowed quadratically (2.75 s at 7,602).
 */
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("progress_reports_supersedes")
    .on("progress_reports")
    .column("supersedes_id")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("progress_reports_supersedes").execute();
}
