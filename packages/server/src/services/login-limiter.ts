import { DomainError } from "@giamsat/core";
import {
  clearAccountFailures,
  loginFailures,
  recordLoginFailure,
  type Database,
  type LoginFailureCount,
} from "@giamsat/db";
import type { Kysely } from "kysely";

/**
 * The login throttle, kept in the database so that every server behind the proxy applies the
 * same counts:
 * - per account (the username typed, known or not): the first `freeFailures` failures cost
 *   nothing, then each further one doubles a wait (1 s, 2 s, 4 s … at most `maxDelayMs`), so
 *   a guesser is slowed exponentially while the owner is never locked out for long; a success
 *   clears it, and it is forgotten `forgetMs` after the last failure;
 * - per client address (the real one behind a trusted proxy, GIAMSAT_TRUST_PROXY): at most
 *   `ipMaxFailures` failures within `ipWindowMs`, whatever usernames they tried.
 * Entries past both windows are removed at the next failure.
 */
export type LoginLimiterOptions = {
  freeFailures: number;
  maxDelayMs: number;
  forgetMs: number;
  ipMaxFailures: number;
  ipWindowMs: number;
};

export const LOGIN_LIMITS: LoginLimiterOptions = {
  freeFailures: 3,
  maxDelayMs: 5 * 60_000,
  forgetMs: 60 * 60_000,
  ipMaxFailures: 50,
  ipWindowMs: 15 * 60_000,
};

const tooMany = (seconds: number) =>
  new DomainError(
    "rate_limited",
    `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
  );

export class LoginLimiter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly limits: LoginLimiterOptions = LOGIN_LIMITS,
  ) {}

  /** Milliseconds the account must still wait (0: may try now). */
  private wait(a: LoginFailureCount | undefined, now: number): number {
    if (!a || a.failures < this.limits.freeFailures) return 0;
    const delay = Math.min(
      1000 * 2 ** (a.failures - this.limits.freeFailures),
      this.limits.maxDelayMs,
    );
    return Math.max(0, a.lastMs + delay - now);
  }

  /** The refusal to give for this attempt, or null when it may go ahead. */
  async refusal(username: string, ip: string, now = Date.now()): Promise<DomainError | null> {
    const { account, address } = await loginFailures(
      this.db,
      username.toLowerCase(),
      ip,
      now,
      this.limits,
    );
    if (address && address.failures >= this.limits.ipMaxFailures) {
      return tooMany(Math.ceil((address.sinceMs + this.limits.ipWindowMs - now) / 1000));
    }
    const wait = this.wait(account, now);
    return wait > 0 ? tooMany(Math.ceil(wait / 1000)) : null;
  }

  fail(username: string, ip: string, now = Date.now()): Promise<void> {
    return recordLoginFailure(this.db, username.toLowerCase(), ip, now, this.limits);
  }

  succeed(username: string): Promise<void> {
    return clearAccountFailures(this.db, username.toLowerCase());
  }
}
