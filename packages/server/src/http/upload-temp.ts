import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

/** `<dataDir>/tmp`: uploads being received (same file system as the evidence folder). */
export function uploadTempDir(dataDir: string): string {
  return path.join(dataDir, "tmp");
}

/** The temporary files of one request: created 0600 in a 0700 folder, all removed at its end. */
export class TempFiles {
  private readonly paths: string[] = [];

  constructor(private readonly dataDir: string) {}

  /** Creates the folder: done before any part is read, so that a part is piped on arrival. */
  async prepare(): Promise<void> {
    await mkdir(uploadTempDir(this.dataDir), { recursive: true, mode: 0o700 });
  }

  /** A new file's path (remembered for removeAll). */
  create(): string {
    const file = path.join(
      uploadTempDir(this.dataDir),
      `upload-${randomBytes(12).toString("hex")}.tmp`,
    );
    this.paths.push(file);
    return file;
  }

  /**
   * Streams `source` through `meter` into `target` (a refusal by the meter stops both). On a
   * refusal it returns only once the file is closed: a file still being opened would otherwise
   * appear after removeAll.
   */
  async write(source: Readable, meter: Transform, target: string): Promise<void> {
    const sink = createWriteStream(target, { flags: "wx", mode: 0o600 });
    try {
      await pipeline(source, meter, sink);
    } catch (error) {
      if (!sink.closed) await new Promise((resolve) => sink.once("close", resolve));
      throw error;
    }
  }

  /** Removes what is left (a file moved elsewhere, e.g. into the evidence store, is gone already). */
  async removeAll(): Promise<void> {
    await Promise.all(this.paths.map((file) => rm(file, { force: true })));
  }
}

/** Removes uploads left by a killed process (`<dataDir>/tmp/*.tmp`). Run at start. */
export async function removeStaleUploads(dataDir: string): Promise<number> {
  const folder = uploadTempDir(dataDir);
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) =>
    n.endsWith(".tmp"),
  );
  await Promise.all(names.map((name) => rm(path.join(folder, name), { force: true })));
  return names.length;
}
