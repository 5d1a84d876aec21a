/** Who runs each daily job: one server per job and day, another one if the holder died. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export type JobRun = { name: string; day: string; holder: string };

/**
 * Takes the job's run for the day until `untilMs`: true when this holder has it now — nobody had
 * it, or its holder's lease ran out before it finished (a server that died). A finished run is
 * never taken again.
 */
export async function claimJobRun(
  db: Db,
  run: JobRun,
  nowMs: number,
  untilMs: number,
): Promise<boolean> {
  const rows = await db
    .insertInto("job_runs")
    .values({ ...run, until_ms: untilMs, finished_ms: null })
    .onConflict((oc) =>
      oc
        .columns(["name", "day"])
        .doUpdateSet((eb) => ({
          holder: eb.ref("excluded.holder"),
          until_ms: eb.ref("excluded.until_ms"),
        }))
        .where("job_runs.finished_ms", "is", null)
        .where("job_runs.until_ms", "<", nowMs),
    )
    .returning("holder")
    .execute();
  return rows.length === 1;
}

/** Extends the holder's lease (a long run); false when another server took it meanwhile. */
export async function renewJobRun(db: Db, run: JobRun, untilMs: number): Promise<boolean> {
  const r = await db
    .updateTable("job_runs")
    .set({ until_ms: untilMs })
    .where("name", "=", run.name)
    .where("day", "=", run.day)
    .where("holder", "=", run.holder)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks the run done, or (failed) gives it up at once for another server to take. */
export async function endJobRun(db: Db, run: JobRun, nowMs: number, done: boolean): Promise<void> {
  await db
    .updateTable("job_runs")
    .set(done ? { finished_ms: nowMs } : { until_ms: 0 })
    .where("name", "=", run.name)
    .where("day", "=", run.day)
    .where("holder", "=", run.holder)
    .execute();
}
