import { createHash } from "node:crypto";

/** A public response computed once: the value, its JSON text and the ETag of that text. */
export type CachedResponse<T> = { value: T; body: string; etag: string };

type Entry = { version: number; at: number; response: Promise<CachedResponse<unknown>> };

/**
 * An in-process cache of the public pages' responses, so that a burst of
 * visitors costs one primary-key lookup per request instead of the counts and lists.
 *
 * An entry is kept for a key (a plan and the day it is counted as of) and a data version (the
 * latest audit event's id: every write is audited, so any committed change — a report accepted,
 * an import, a correction, a plan published or withdrawn — makes a new version). Concurrent
 * misses share one computation. An entry older than `ttlMs` is computed again even when the
 * version has not moved: that bounds what a write whose audit id is below the latest (two
 * transactions committing out of order on PostgreSQL) or an unaudited write (a sender's rating
 * of an answer) can leave stale.
 */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  async get<T>(
    key: string,
    version: number,
    compute: () => Promise<T>,
  ): Promise<CachedResponse<T>> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && now - hit.at < this.ttlMs)
      return hit.response as Promise<CachedResponse<T>>;
    const response = compute().then((value) => {
      const body = JSON.stringify(value);
      const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
      return { value, body, etag };
    });
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

/** True when the request's If-None-Match names this ETag (or `*`). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === etag || t === "*");
}
