/** Reading the files a command is given, with a one-line Vietnamese reason when that fails. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { OrgDirectory } from "@giamsat/core";
import { orgDirectory } from "@giamsat/server";
import { CliFailure, type CliIO } from "./command.js";
import { configFrom } from "./commands/serve.context.js";

function reason(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return `Không tìm thấy tệp "${path}".`;
  if (code === "EISDIR") return `"${path}" là một thư mục, không phải tệp.`;
  if (code === "EACCES" || code === "EPERM") return `Không có quyền đọc tệp "${path}".`;
  return `Không đọc được tệp "${path}": ${(error as Error).message}`;
}

export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new CliFailure(reason(error, path));
  }
}

/**
 * The organisation directory: the built-in one, extended by the entries of `--orgs FILE` (or
 * the configuration's GIAMSAT_ORGS_FILE), read as the server reads it.
 */
export function loadDirectory(orgsFile: string | undefined, io: CliIO): OrgDirectory {
  const file = orgsFile ? path.resolve(orgsFile) : configFrom(io).orgsFile;
  try {
    return orgDirectory(file);
  } catch (error) {
    throw new CliFailure((error as Error).message);
  }
}
