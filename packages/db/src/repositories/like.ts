/** Substring search on folded text columns, the same on SQLite and PostgreSQL. */
import { sql } from "kysely";
import type { RawBuilder, SqlBool } from "kysely";

/** `%word%` with LIKE's wildcards escaped (used with ESCAPE '\'). */
export function likeContains(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE '%word%' ESCAPE '\'`; the column must hold folded (lower-case) text. */
export function containsWord(column: string, word: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} LIKE ${likeContains(word)} ESCAPE '\\'`;
}
