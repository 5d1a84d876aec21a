/** The evidence store in the data folder: `<dataDir>/evidence/<aa>/<sha256>` (see evidence-store.ts). */
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { NotFoundError } from "@giamsat/core";
import { storagePathOf } from "./evidence-key.js";
import type { EvidenceStore } from "./evidence-store.js";

export function folderEvidenceStore(dataDir: string): EvidenceStore {
  const fileOf = (storagePath: string) => path.join(dataDir, storagePath);
  const size = async (storagePath: string) => {
    const info = await stat(fileOf(storagePath)).catch(() => undefined);
    return info?.isFile() ? info.size : undefined;
  };
  return {
    kind: "local",
    size,
    async put(source) {
      const key = storagePathOf(source.sha256);
      if ((await size(key)) !== undefined) return false;
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      // durable before it is named: fsync, then rename (same file system)
      const handle = await open(source.path, "r+");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(source.path, target);
      return true;
    },
    async get(storagePath) {
      if ((await size(storagePath)) === undefined) {
        throw new NotFoundError(`Tệp ${storagePath} không còn trong thư mục minh chứng.`);
      }
      return createReadStream(fileOf(storagePath));
    },
    async delete(storagePath) {
      await rm(fileOf(storagePath), { force: true });
    },
    async *list() {
      const root = path.join(dataDir, "evidence");
      const folders = (await readdir(root).catch(() => [] as string[])).sort();
      for (const folder of folders) {
        const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
        for (const name of names.filter((n) => !n.endsWith(".tmp")).sort()) {
          const storagePath = path.posix.join("evidence", folder, name);
          const bytes = await size(storagePath);
          if (bytes !== undefined) yield { storagePath, size: bytes };
        }
      }
    },
  };
}
