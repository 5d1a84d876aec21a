import type { Kysely } from "kysely";
import type { CalendarFrequency, Database } from "../schema.js";

type Db = Kysely<Database>;

export type CalendarRow = { plan_id: number; frequency: CalendarFrequency; due_day: number };

/** The calendars set explicitly, one per plan. */
export async function listCalendars(db: Db): Promise<CalendarRow[]> {
  return db.selectFrom("reporting_calendars").select(["plan_id", "frequency", "due_day"]).execute();
}

export async function findCalendar(db: Db, planId: number): Promise<CalendarRow | undefined> {
  return db
    .selectFrom("reporting_calendars")
    .select(["plan_id", "frequency", "due_day"])
    .where("plan_id", "=", planId)
    .executeTakeFirst();
}

export async function saveCalendar(db: Db, cal: CalendarRow): Promise<void> {
  const existing = await findCalendar(db, cal.plan_id);
  if (existing) {
    await db
      .updateTable("reporting_calendars")
      .set({ frequency: cal.frequency, due_day: cal.due_day })
      .where("plan_id", "=", cal.plan_id)
      .execute();
  } else {
    await db.insertInto("reporting_calendars").values(cal).execute();
  }
}
