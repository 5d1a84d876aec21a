/**
 * The task list's text search at national scale (migration 0031). On SQLite the FTS5 trigram
 * index `task_search` is asked first for the tasks whose folded name holds every word of three
 * characters or more (a substring match, as the LIKE), and those with the text as their number:
 * when they are few (under SEARCH_INDEX_LIMIT), the list reads them by id and the LIKE checks
 * them — instead of walking every task in plan order to find a rare phrase. When they are many,
 * matches are dense, and walking the plan order finds a page in a few thousand rows, so the list
 * runs as it is (its count capped: `countCap`). PostgreSQL's trigram index serves the LIKE as it
 * is, chosen by its planner.
 */
import { fold } from "@giamsat/core";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { dialectOf } from "../migrations/migration.helpers.js";
import type { Database } from "../schema.js";
import type { TaskFilter } from "./task-filter.js";

/** Under this many candidates a search reads them by id; at it or over, it walks the list. */
export const SEARCH_INDEX_LIMIT = 5000;

/** Words of 3 characters or more as an FTS5 trigram query (each a substring), or null. */
function trigramQuery(text: string): string | null {
  const words = fold(text)
    .split(" ")
    .filter((w) => [...w].length >= 3);
  return words.length ? words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" AND ") : null;
}

/** The filter with `searchIds` when the index finds few candidates for its `q`. */
export async function withSearchIds<F extends TaskFilter>(
  db: Kysely<Database>,
  filter: F,
): Promise<F> {
  const text = filter.q?.trim();
  const match = text ? trigramQuery(text) : null;
  if (!text || !match || dialectOf(db) !== "sqlite") return filter;
  const { rows } = await sql<{ id: number }>`
    SELECT rowid AS id FROM task_search WHERE task_search MATCH ${match}
    UNION SELECT id FROM tasks WHERE number = ${text}
    LIMIT ${SEARCH_INDEX_LIMIT}`.execute(db);
  return rows.length < SEARCH_INDEX_LIMIT
    ? { ...filter, searchIds: rows.map((r) => r.id) }
    : filter;
}
