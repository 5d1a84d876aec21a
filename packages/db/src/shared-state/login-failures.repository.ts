/** The login throttle's counts, shared by every server on the database. */
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

export type LoginFailureCount = { failures: number; sinceMs: number; lastMs: number };

/** How long an entry counts: an account's failures since the last one, an address's window. */
export type LoginFailureWindows = { forgetMs: number; ipWindowMs: number };

/** The counts kept for an account (lower-cased username) and an address, when they count still. */
export async function loginFailures(
  db: Db,
  account: string,
  address: string,
  nowMs: number,
  windows: LoginFailureWindows,
): Promise<{ account?: LoginFailureCount; address?: LoginFailureCount }> {
  const rows = await db
    .selectFrom("login_failures")
    .select(["scope", "failures", "since_ms", "last_ms"])
    .where((eb) =>
      eb.or([
        eb.and([eb("scope", "=", "account"), eb("key", "=", account)]),
        eb.and([eb("scope", "=", "address"), eb("key", "=", address)]),
      ]),
    )
    .execute();
  const found: { account?: LoginFailureCount; address?: LoginFailureCount } = {};
  for (const r of rows) {
    const count = { failures: r.failures, sinceMs: r.since_ms, lastMs: r.last_ms };
    if (r.scope === "account" && nowMs - r.last_ms < windows.forgetMs) found.account = count;
    if (r.scope === "address" && nowMs - r.since_ms < windows.ipWindowMs) found.address = count;
  }
  return found;
}

/**
 * Counts one failure against the account and the address, atomically whatever other servers
 * count at the same time: an account's count starts again once forgotten, an address's when
 * its window is over. Entries past both windows are removed.
 */
export async function recordLoginFailure(
  db: Db,
  account: string,
  address: string,
  nowMs: number,
  windows: LoginFailureWindows,
): Promise<void> {
  const forgotten = nowMs - windows.forgetMs;
  const windowStart = nowMs - windows.ipWindowMs;
  await db
    .insertInto("login_failures")
    .values({ scope: "account", key: account, failures: 1, since_ms: nowMs, last_ms: nowMs })
    .onConflict((oc) =>
      oc.columns(["scope", "key"]).doUpdateSet({
        failures: sql`CASE WHEN login_failures.last_ms <= ${forgotten} THEN 1
          ELSE login_failures.failures + 1 END`,
        last_ms: nowMs,
      }),
    )
    .execute();
  await db
    .insertInto("login_failures")
    .values({ scope: "address", key: address, failures: 1, since_ms: nowMs, last_ms: nowMs })
    .onConflict((oc) =>
      oc.columns(["scope", "key"]).doUpdateSet({
        failures: sql`CASE WHEN login_failures.since_ms <= ${windowStart} THEN 1
          ELSE login_failures.failures + 1 END`,
        since_ms: sql`CASE WHEN login_failures.since_ms <= ${windowStart} THEN ${nowMs}
          ELSE login_failures.since_ms END`,
        last_ms: nowMs,
      }),
    )
    .execute();
  await db
    .deleteFrom("login_failures")
    .where("last_ms", "<", nowMs - Math.max(windows.forgetMs, windows.ipWindowMs))
    .execute();
}

/** A successful login forgets the account's failures (not the address's). */
export async function clearAccountFailures(db: Db, account: string): Promise<void> {
  await db
    .deleteFrom("login_failures")
    .where("scope", "=", "account")
    .where("key", "=", account)
    .execute();
}
