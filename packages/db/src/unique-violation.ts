/**
 * True when a write failed on a unique constraint or index (SQLite `SQLITE_CONSTRAINT_UNIQUE`,
 * PostgreSQL `23505`): two requests raced past the service's own check, and the database kept
 * the rule.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
