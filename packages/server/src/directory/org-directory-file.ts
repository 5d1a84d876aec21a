/**
 * The organisation directory an installation uses: core's built-in one, extended by the entries
 * of GIAMSAT_ORGS_FILE (or `giamsat import --orgs FILE`): a JSON list of entries or a file shaped
 * like the built-in organisations.json. Read once per file and kept for the process.
 */
import { readFileSync } from "node:fs";
import { createDirectory, DomainError, type OrgDirectory } from "@giamsat/core";

const loaded = new Map<string, OrgDirectory>();

/** Throws an Error with a one-line Vietnamese reason naming the file when it cannot be used. */
export function orgDirectory(orgsFile: string | undefined): OrgDirectory {
  if (!orgsFile) return createDirectory();
  const cached = loaded.get(orgsFile);
  if (cached) return cached;
  const directory = readDirectoryFile(orgsFile);
  loaded.set(orgsFile, directory);
  return directory;
}

function readDirectoryFile(file: string): OrgDirectory {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`Không tìm thấy tệp "${file}".`);
    throw new Error(`Không đọc được tệp "${file}": ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `Tệp danh mục tổ chức "${file}" không phải JSON hợp lệ: ${(error as Error).message}`,
    );
  }
  try {
    return createDirectory(data as Parameters<typeof createDirectory>[0]);
  } catch (error) {
    if (error instanceof DomainError)
      throw new Error(`Tệp danh mục tổ chức "${file}": ${error.message}`);
    throw error;
  }
}
