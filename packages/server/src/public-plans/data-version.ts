/**
 * The data version the public pages' cache is keyed on (the latest audit id: every write is
 * audited in its transaction), read from the database at most once every `recheckMs`:
 *
 * - a write through this server (an authenticated request that changes data) is seen by the
 *   next public request: `changed()` makes it read the version again;
 * - a write elsewhere (another server on the same PostgreSQL, the CLI, a job) is seen at most
 *   `recheckMs` later, by the clock given (the context's: a fixed instant in tests).
 *
 * One read at a time: the requests that arrive while it runs share it.
 */
export class DataVersion {
  private known: { version: number; at: number } | null = null;
  private reading: Promise<number> | null = null;
  /** Counts `changed()` calls: a read begun before a write is not kept after it. */
  private writes = 0;

  constructor(
    private readonly read: () => Promise<number>,
    private readonly recheckMs: number,
    private readonly clock: () => number,
  ) {}

  /** The version as of at most `recheckMs` ago (or as of the last write through this server). */
  current(): number | Promise<number> {
    const now = this.clock();
    const known = this.known;
    if (known && now >= known.at && now - known.at < this.recheckMs) return known.version;
    if (!this.reading) {
      const writes = this.writes;
      const settle = (version: number | null) => {
        if (writes !== this.writes) return;
        this.reading = null;
        if (version !== null) this.known = { version, at: now };
      };
      this.reading = this.read().then(
        (version) => {
          settle(version);
          return version;
        },
        (error: unknown) => {
          settle(null);
          throw error;
        },
      );
    }
    return this.reading;
  }

  /** A write through this server committed: the next request reads the version again. */
  changed(): void {
    this.writes++;
    this.known = null;
    this.reading = null;
  }
}
