/**
 * The web app's index.html kept as ready bytes (ReadyBody): looked at again at most once every
 * `recheckMs` (its modification time and size), read again when a new build changed it. A
 * folder without a build is looked at on every request, so that a build made after the start
 * is served at once.
 */
import { readFile, stat } from "node:fs/promises";
import { readyBody, type ReadyBody } from "./ready-body.js";

type Seen = { at: number; stamp: string; body: ReadyBody };

export class WebIndex {
  private seen: Seen | null = null;
  private looking: Promise<ReadyBody | null> | null = null;

  constructor(
    private readonly file: string,
    private readonly recheckMs: number,
  ) {}

  /** The page's bytes, or null when there is no build. */
  current(): ReadyBody | Promise<ReadyBody | null> {
    const now = performance.now();
    if (this.seen && now - this.seen.at < this.recheckMs) return this.seen.body;
    return (this.looking ??= this.look(now).finally(() => (this.looking = null)));
  }

  private async look(at: number): Promise<ReadyBody | null> {
    const info = await stat(this.file).catch(() => null);
    if (!info?.isFile()) {
      this.seen = null;
      return null;
    }
    const stamp = `${info.mtimeMs}:${info.size}`;
    if (this.seen?.stamp === stamp) {
      this.seen.at = at;
      return this.seen.body;
    }
    const body = await readyBody(await readFile(this.file), "text/html; charset=utf-8");
    this.seen = { at, stamp, body };
    return body;
  }
}
