type Entry = { version: number; at: number; response: Promise<unknown> };

/**
 * An in-process cache of the public pages' responses (their ready bytes), so that a burst of
 * visitors costs no query and no rendering per request.
 *
 * An entry is kept for a key (a plan, the day it is counted as of, the format) and a data
 * version (DataVersion: the latest audit event's id — every write is audited, so any committed
 * change — a report accepted, an import, a correction, a plan published or withdrawn — makes a
 * new version). Concurrent misses share one computation. An entry older than `ttlMs` by the
 * clock given is computed again even when the version has not moved: that bounds what a write
 * whose audit id is below the latest (two transactions committing out of order on PostgreSQL)
 * or an unaudited write (a sender's rating of an answer) can leave stale.
 */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly clock: () => number,
  ) {}

  get<T>(key: string, version: number, compute: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && now >= hit.at && now - hit.at < this.ttlMs)
      return hit.response as Promise<T>;
    const response = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, at: now, response });
    // an error (a plan not published: 404) is not kept
    response.catch(() => {
      if (this.entries.get(key)?.response === response) this.entries.delete(key);
    });
    // the oldest entry goes first (a Map keeps insertion order)
    while (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    return response;
  }
}
