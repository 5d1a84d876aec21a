/**
 * PostgreSQL runs the statements marked `prepared` by name (parsed once per connection) and the
 * rest as before; a table changed under a prepared statement (a migration while the server runs)
 * is read again instead of failing with "cached plan must not change result type".
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./connection.js";
import { prepared } from "./pg-prepared-statements.js";
import { createTestDatabase, dialects } from "./test-support/index.js";

describe.skipIf(!dialects().includes("postgres"))("prepared statements (postgres)", () => {
  it("prepares the marked statements only, and survives a table changed under one", async () => {
    const test = await createTestDatabase("postgres");
    // one connection: the prepared statements it holds are the ones this test made
    const { db, close } = openDatabase({ url: test.url!, poolSize: 1 });
    try {
      await sql`CREATE TABLE probe (id integer)`.execute(db);
      await sql`INSERT INTO probe VALUES (1)`.execute(db);
      const marked = () => sql<Record<string, unknown>>`SELECT * FROM probe${prepared}`.execute(db);
      const held = async () =>
        (
          await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(db)
        ).rows.map((r) => r.statement);
      expect((await marked()).rows).toEqual([{ id: 1 }]);
      await sql`SELECT id FROM probe`.execute(db);
      expect(await held()).toEqual(["SELECT * FROM probe /* prepared */"]);
      await sql`ALTER TABLE probe ADD COLUMN name text DEFAULT 'mới'`.execute(db);
      expect((await marked()).rows).toEqual([{ id: 1, name: "mới" }]);
      // prepared again under a new name
      expect(await held()).toEqual(Array(2).fill("SELECT * FROM probe /* prepared */"));
    } finally {
      await close();
      await test.close();
    }
  });
});
