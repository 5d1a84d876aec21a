/**
 * A database that refuses every evidence row (a trigger, for tests): a report's transaction
 * then fails after its files were put into the evidence store. Returns what allows them again.
 */
import { sql, type Kysely } from "kysely";
import type { Database, DialectName } from "@giamsat/db";

export async function refuseEvidenceRows(
  db: Kysely<Database>,
  dialect: DialectName,
): Promise<() => Promise<void>> {
  const refuse =
    dialect === "sqlite"
      ? [
          sql`CREATE TRIGGER refuse_evidence BEFORE INSERT ON evidence
              BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`,
        ]
      : [
          sql`CREATE FUNCTION refuse_evidence() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`,
          sql`CREATE TRIGGER refuse_evidence BEFORE INSERT ON evidence
              FOR EACH ROW EXECUTE FUNCTION refuse_evidence()`,
        ];
  const allow =
    dialect === "sqlite"
      ? [sql`DROP TRIGGER refuse_evidence`]
      : [sql`DROP TRIGGER refuse_evidence ON evidence`, sql`DROP FUNCTION refuse_evidence()`];
  for (const statement of refuse) await statement.execute(db);
  return async () => {
    for (const statement of allow) await statement.execute(db);
  };
}
