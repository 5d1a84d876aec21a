/**
 * Public feedback takes the kinds — phản ánh, kiến nghị, sáng kiến, giải pháp, đặt hàng
 * (core `FEEDBACK_KINDS`). The earlier general "góp ý" (`gop_y`) becomes `kien_nghi`: a comment
 * sent to the agency about a plan asks it to change or add something, which is a recommendation.
 * Going down keeps the rows as they are (a `kien_nghi` sent before cannot be told apart).
 */
import { sql } from "kysely";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  await sql`UPDATE feedback SET kind = 'kien_nghi' WHERE kind = 'gop_y'`.execute(db);
}

export async function down(): Promise<void> {}
