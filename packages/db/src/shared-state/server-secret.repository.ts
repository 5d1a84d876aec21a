/** Secrets generated once for the installation and shared by every server. */
import type { Kysely } from "kysely";
import type { Database } from "../schema.js";

/** The secret `name`: the one stored, or `generate()`'s stored now (the first server wins). */
export async function serverSecret(
  db: Kysely<Database>,
  name: string,
  generate: () => string,
): Promise<string> {
  await db
    .insertInto("server_secrets")
    .values({ name, value: generate() })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await db
    .selectFrom("server_secrets")
    .select("value")
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.value;
}
