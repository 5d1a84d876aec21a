import { DomainError } from "@giamsat/core";

/**
 * Failed-login throttle per username + client address: after `maxFailures` failures within
 * `windowMs`, further attempts are refused until the window passes. In memory: one process.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  check(username: string, ip: string, now = Date.now()): void {
    if (this.recent(`${username.toLowerCase()}|${ip}`, now).length >= this.maxFailures) {
      throw new DomainError(
        "rate_limited",
        "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.",
      );
    }
  }

  fail(username: string, ip: string, now = Date.now()): void {
    const key = `${username.toLowerCase()}|${ip}`;
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(username: string, ip: string): void {
    this.failures.delete(`${username.toLowerCase()}|${ip}`);
  }
}
