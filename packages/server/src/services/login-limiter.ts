import { DomainError } from "@giamsat/core";

/**
 * The login throttle, in memory (one process), bounded:
 * - per account (the username typed, known or not): the first `freeFailures` failures cost
 *   nothing, then each further one doubles a wait (1 s, 2 s, 4 s … at most `maxDelayMs`), so
 *   a guesser is slowed exponentially while the owner is never locked out for long; a success
 *   clears it, and it is forgotten `forgetMs` after the last failure;
 * - per client address (the real one behind a trusted proxy, GIAMSAT_TRUST_PROXY): at most
 *   `ipMaxFailures` failures within `ipWindowMs`, whatever usernames they tried;
 * - at most `maxEntries` accounts and addresses each are remembered (the oldest forgotten first).
 */
export type LoginLimiterOptions = {
  freeFailures: number;
  maxDelayMs: number;
  forgetMs: number;
  ipMaxFailures: number;
  ipWindowMs: number;
  maxEntries: number;
};

export const LOGIN_LIMITS: LoginLimiterOptions = {
  freeFailures: 3,
  maxDelayMs: 5 * 60_000,
  forgetMs: 60 * 60_000,
  ipMaxFailures: 50,
  ipWindowMs: 15 * 60_000,
  maxEntries: 10_000,
};

type Account = { failures: number; last: number };
type Address = { failures: number; since: number };

const tooMany = (seconds: number) =>
  new DomainError(
    "rate_limited",
    `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`,
  );

export class LoginLimiter {
  private readonly accounts = new Map<string, Account>();
  private readonly addresses = new Map<string, Address>();

  constructor(private readonly limits: LoginLimiterOptions = LOGIN_LIMITS) {}

  /** Entries kept (for the bounded-memory test). */
  get size(): number {
    return this.accounts.size + this.addresses.size;
  }

  private account(username: string, now: number): Account | undefined {
    const key = username.toLowerCase();
    const a = this.accounts.get(key);
    if (a && now - a.last >= this.limits.forgetMs) {
      this.accounts.delete(key);
      return undefined;
    }
    return a;
  }

  private address(ip: string, now: number): Address | undefined {
    const a = this.addresses.get(ip);
    if (a && now - a.since >= this.limits.ipWindowMs) {
      this.addresses.delete(ip);
      return undefined;
    }
    return a;
  }

  /** Milliseconds the account must still wait (0: may try now). */
  private wait(a: Account | undefined, now: number): number {
    if (!a || a.failures < this.limits.freeFailures) return 0;
    const delay = Math.min(
      1000 * 2 ** (a.failures - this.limits.freeFailures),
      this.limits.maxDelayMs,
    );
    return Math.max(0, a.last + delay - now);
  }

  /** The refusal to give for this attempt, or null when it may go ahead. */
  refusal(username: string, ip: string, now = Date.now()): DomainError | null {
    const address = this.address(ip, now);
    if (address && address.failures >= this.limits.ipMaxFailures) {
      return tooMany(Math.ceil((address.since + this.limits.ipWindowMs - now) / 1000));
    }
    const wait = this.wait(this.account(username, now), now);
    return wait > 0 ? tooMany(Math.ceil(wait / 1000)) : null;
  }

  fail(username: string, ip: string, now = Date.now()): void {
    const key = username.toLowerCase();
    const account = this.account(username, now);
    remember(this.accounts, key, { failures: (account?.failures ?? 0) + 1, last: now });
    const address = this.address(ip, now);
    remember(this.addresses, ip, {
      failures: (address?.failures ?? 0) + 1,
      since: address?.since ?? now,
    });
    this.trim(this.accounts);
    this.trim(this.addresses);
  }

  succeed(username: string): void {
    this.accounts.delete(username.toLowerCase());
  }

  private trim(map: Map<string, unknown>): void {
    while (map.size > this.limits.maxEntries) {
      const oldest = map.keys().next().value as string;
      map.delete(oldest);
    }
  }
}

/** Sets a key as the newest (Map order is insertion order: the oldest come first). */
function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
}
