/** Reading the files a command is given, with a one-line Vietnamese reason when that fails. */
import { readFile } from "node:fs/promises";
import { createDirectory, DomainError, type OrgDirectory } from "@giamsat/core";
import { CliFailure, type CliIO } from "./command.js";

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
 * the file named by GIAMSAT_ORGS_FILE): a JSON list of entries or a file shaped like the
 * built-in organisations.json.
 */
export async function loadDirectory(
  orgsFile: string | undefined,
  io: CliIO,
): Promise<OrgDirectory> {
  const path = orgsFile ?? io.env.GIAMSAT_ORGS_FILE;
  if (!path) return createDirectory();
  const bytes = await readInputFile(path);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new CliFailure(
      `Tệp danh mục tổ chức "${path}" không phải JSON hợp lệ: ${(error as Error).message}`,
    );
  }
  try {
    return createDirectory(data as Parameters<typeof createDirectory>[0]);
  } catch (error) {
    if (error instanceof DomainError)
      throw new CliFailure(`Tệp danh mục tổ chức "${path}": ${error.message}`);
    throw error;
  }
}
