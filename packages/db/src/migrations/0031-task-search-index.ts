/**
 * National text search without reading every task's name: the task list's search (every word
 * contained in the folded name, `tasks.name_search LIKE '%word%'`) gets a trigram index on both
 * databases, so that the words' matches are found in the index and the LIKE checks only them.
 *
 * - SQLite: `task_search`, an FTS5 table with the trigram tokenizer over `tasks.name_search`
 *   (external content: it stores the index only), kept by triggers on `tasks`; a word of three
 *   characters or more is looked up with MATCH (a substring match, as LIKE); the LIKE then checks
 *   every word of the candidates (repositories/task-search.ts).
 * - PostgreSQL: pg_trgm's GIN index on `tasks.name_search`, which the LIKE uses as it is.
 *   pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
 */
import { sql } from "kysely";
import { dialectOf } from "./migration.helpers.js";
import type { AnyDb } from "./migration.helpers.js";

export async function up(db: AnyDb): Promise<void> {
  // a task's number typed as the search (the other half of the search's OR)
  await db.schema.createIndex("tasks_number").on("tasks").column("number").execute();
  if (dialectOf(db) === "postgres") {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE INDEX tasks_name_trigram ON tasks USING gin (name_search gin_trgm_ops)`.execute(
      db,
    );
    return;
  }
  await sql`CREATE VIRTUAL TABLE task_search USING fts5(name_search, content='tasks',
    content_rowid='id', tokenize='trigram')`.execute(db);
  await sql`INSERT INTO task_search (task_search) VALUES ('rebuild')`.execute(db);
  await sql`CREATE TRIGGER task_search_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO task_search (rowid, name_search) VALUES (NEW.id, NEW.name_search);
  END`.execute(db);
  await sql`CREATE TRIGGER task_search_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO task_search (task_search, rowid, name_search) VALUES ('delete', OLD.id, OLD.name_search);
  END`.execute(db);
  await sql`CREATE TRIGGER task_search_update AFTER UPDATE OF name_search ON tasks
    WHEN OLD.name_search IS NOT NEW.name_search BEGIN
    INSERT INTO task_search (task_search, rowid, name_search) VALUES ('delete', OLD.id, OLD.name_search);
    INSERT INTO task_search (rowid, name_search) VALUES (NEW.id, NEW.name_search);
  END`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("tasks_number").execute();
  if (dialectOf(db) === "postgres") {
    await sql`DROP INDEX tasks_name_trigram`.execute(db);
    return;
  }
  for (const event of ["insert", "delete", "update"])
    await sql.raw(`DROP TRIGGER task_search_${event}`).execute(db);
  await sql`DROP TABLE task_search`.execute(db);
}
