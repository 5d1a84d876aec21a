/**
 * A daily job run by one server of those on the database: the first to claim the day's run
 * does it, holding a lease it renews while it works; the others skip it. A holder that dies
 * leaves its lease to run out (LEASE_MS) and the next server whose schedule fires takes it
 * over; a failed run gives its claim up at once. A finished run is not run again that day.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { claimJobRun, endJobRun, renewJobRun } from "@giamsat/db";
import type { Ctx } from "../services/context.js";

const LEASE_MS = 10 * 60_000;

/** This process's name in `job_runs` (host, process id, a random part for restarts). */
export function runnerName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** Runs `work` unless another server has run it, or runs it, for `day`; null when skipped. */
export async function runDailyOnce<T>(
  ctx: Ctx,
  run: { name: string; day: string; holder: string },
  work: () => Promise<T>,
): Promise<T | null> {
  if (!(await claimJobRun(ctx.db, run, Date.now(), Date.now() + LEASE_MS))) return null;
  const renew = setInterval(() => {
    renewJobRun(ctx.db, run, Date.now() + LEASE_MS).catch(() => undefined);
  }, LEASE_MS / 3);
  renew.unref();
  try {
    const result = await work();
    await endJobRun(ctx.db, run, Date.now(), true);
    return result;
  } catch (error) {
    await endJobRun(ctx.db, run, Date.now(), false).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(renew);
  }
}
