/**
 * The key of a stored evidence file in every store: `evidence/<aa>/<sha256>`, the
 * `storage_path` the rows keep (for the folder store, its path under the data folder).
 */
import path from "node:path";

export function storagePathOf(sha256: string): string {
  return path.posix.join("evidence", sha256.slice(0, 2), sha256);
}

/** The hash a key names (its last part). */
export function sha256Of(storagePath: string): string {
  return path.posix.basename(storagePath);
}
