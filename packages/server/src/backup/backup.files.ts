/** The files of a data folder that a backup carries beside the database, with their hashes. */
import { createReadStream } from "node:fs";
import { chmod, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { sha256OfStream } from "../evidence-store/evidence-hash.js";

export type HashedFile = { path: string; size: number; sha256: string };

export const sha256OfFile = (file: string): Promise<string> =>
  sha256OfStream(createReadStream(file));

/** Size and SHA-256 of `relative` under `root`; undefined when the file is not there. */
export async function hashedFile(root: string, relative: string): Promise<HashedFile | undefined> {
  const file = path.join(root, relative);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return { path: relative, size: info.size, sha256: await sha256OfFile(file) };
}

/** The uploaded plan documents waiting under `imports/` (temporary `.tmp` files left out). */
export async function uploadedPlanFiles(dataDir: string): Promise<string[]> {
  const names = await readdir(path.join(dataDir, "imports")).catch(() => [] as string[]);
  return names.filter((n) => !n.endsWith(".tmp")).map((n) => `imports/${n}`);
}

/** Folders 0700, files 0600 below `root`, as the server makes them (tar keeps the archive's). */
export async function restrictModes(root: string): Promise<void> {
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      await chmod(full, 0o700);
      await restrictModes(full);
    } else await chmod(full, 0o600);
  }
}
