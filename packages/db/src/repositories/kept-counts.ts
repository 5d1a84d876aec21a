/**
 * Every count the triggers keep ("Tasks and status" in the db README), counted again from the
 * tasks, reports, plans and calendars: the status buckets, the per-unit status events of every
 * kept due-soon window, the first receipts and the report timeliness sums, and on SQLite the
 * search index. One transaction; on PostgreSQL the tables they are counted from are locked
 * against writes meanwhile (a write's trigger would otherwise count into half-filled tables).
 * For a bulk load written with the triggers off (`bench/generate.mjs --bulk`) and for
 * `giamsat recount`, which also tells whether the kept counts had drifted.
 */
import { STATUS_CODES } from "@giamsat/core";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { dialectOf } from "../migrations/migration.helpers.js";
import { fillReceipts, fillTimelinessCounts } from "../migrations/receipt-count-triggers.js";
import { FILL_STATUS_BUCKETS } from "../migrations/status-buckets.sql.js";
import { applyStatusEvents, COUNTED } from "../migrations/status-day-events.sql.js";
import type { Database } from "../schema.js";

/** Each kept table and its count columns (a row whose counts are all 0 changes no sum). */
const KEPT = {
  task_status_buckets: ["n"],
  unit_status_days: [...STATUS_CODES],
  report_receipts: [],
  unit_recurring_days: ["tasks", "weight"],
  unit_receipt_days: ["received", "due"],
} as const;
export type KeptCountTable = keyof typeof KEPT;
const TABLES = Object.keys(KEPT) as KeptCountTable[];

export interface KeptCountsRecount {
  /** Rows of each table after the recount. */
  rows: Record<KeptCountTable, number>;
  /** With `compare`: rows that differ from what was kept (rows of zeros aside). */
  changed?: Record<KeptCountTable, number>;
}

const SOURCES = "tasks, progress_reports, plans, reporting_calendars, task_soon_windows";

export async function recountKeptCounts(
  db: Kysely<Database>,
  options: { compare?: boolean } = {},
): Promise<KeptCountsRecount> {
  return db.transaction().execute(async (trx) => {
    const dialect = dialectOf(trx);
    if (dialect === "postgres") await sql.raw(`LOCK TABLE ${SOURCES} IN SHARE MODE`).execute(trx);
    if (options.compare)
      for (const table of TABLES)
        await sql
          .raw(`CREATE TEMPORARY TABLE kept_${table} AS SELECT * FROM ${table} ${counting(table)}`)
          .execute(trx);
    // the receipts' own triggers count each receipt into unit_receipt_days, a row at a time (60 s
    // for 165k receipts on PostgreSQL): off on PostgreSQL until the end of the transaction (a
    // SHARE ROW EXCLUSIVE lock: reads go on); on SQLite they stay and their sums are emptied after
    if (dialect === "postgres")
      await sql`ALTER TABLE report_receipts DISABLE TRIGGER USER`.execute(trx);
    for (const table of TABLES) await sql.raw(`DELETE FROM ${table}`).execute(trx);
    await fillReceipts(trx);
    await sql`DELETE FROM unit_receipt_days`.execute(trx);
    if (dialect === "postgres")
      await sql`ALTER TABLE report_receipts ENABLE TRIGGER USER`.execute(trx);
    await fillTimelinessCounts(trx, "levels");
    await sql.raw(FILL_STATUS_BUCKETS).execute(trx);
    await sql.raw(applyStatusEvents(dialect, "t", 1, COUNTED("t"))).execute(trx);
    if (dialect === "sqlite")
      await sql`INSERT INTO task_search (task_search) VALUES ('rebuild')`.execute(trx);
    const rows = {} as Record<KeptCountTable, number>;
    for (const table of TABLES) rows[table] = await count(trx, `SELECT * FROM ${table}`);
    if (!options.compare) return { rows };
    const changed = {} as Record<KeptCountTable, number>;
    for (const table of TABLES) {
      const now = `SELECT * FROM ${table} ${counting(table)}`;
      const kept = `SELECT * FROM kept_${table}`;
      changed[table] =
        (await count(trx, `${now} EXCEPT ${kept}`)) + (await count(trx, `${kept} EXCEPT ${now}`));
      await sql.raw(`DROP TABLE kept_${table}`).execute(trx);
    }
    return { rows, changed };
  });
}

function counting(table: KeptCountTable): string {
  const columns: readonly string[] = KEPT[table];
  return columns.length ? `WHERE ${columns.map((c) => `${c} <> 0`).join(" OR ")}` : "";
}

async function count(db: Kysely<Database>, query: string): Promise<number> {
  const { rows } = await sql
    .raw<{ n: number | string }>(`SELECT COUNT(*) AS n FROM (${query}) q`)
    .execute(db);
  return Number(rows[0]?.n ?? 0);
}
