/**
 * The DIALECTS switch: every database test runs on SQLite, and also on PostgreSQL when
 * GIAMSAT_TEST_PG_URL points at a (throwaway) cluster — see scripts/pg-test-cluster.sh.
 * Use with `describe.each(dialects())("… (%s)", (dialect) => { … })`.
 */
import type { DialectName } from "../connection.js";

export function dialects(): DialectName[] {
  return process.env.GIAMSAT_TEST_PG_URL ? ["sqlite", "postgres"] : ["sqlite"];
}
