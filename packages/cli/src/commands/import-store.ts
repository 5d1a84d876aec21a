/**
 * `giamsat import FILE` (without --dry-run): reads the plan, stores it in the database in one
 * transaction (DATABASE_URL for PostgreSQL, otherwise GIAMSAT_DATA_DIR/giamsat.sqlite, default
 * ./data), proposes links to the tasks of plans already stored, and prints what changed.
 * Exit 0 when stored (or already stored), 2 when the file cannot be read, 1 when the database
 * refused (nothing is written then).
 */
import { basename } from "node:path";
import {
  migrateToLatest,
  openDatabase,
  proposeLinks,
  sha256Hex,
  storePlan,
  upsertDirectory,
} from "@giamsat/db";
import { CliFailure, EXIT_INTERNAL, EXIT_OK, type CliIO } from "../command.js";
import { loadDirectory, readInputFile } from "../input.js";
import { configFrom } from "./serve.context.js";
import { palette, writeJson } from "../output.js";
import { importFile } from "./import.command.js";
import { renderStoreSummary } from "./import-store.summary.js";

export async function storeImport(
  file: string,
  orgsFile: string | undefined,
  io: CliIO,
  options: { json?: boolean } = {},
): Promise<number> {
  const bytes = await readInputFile(file);
  const result = await importFile(file, orgsFile, io);
  const directory = loadDirectory(orgsFile, io);
  const handle = openDatabase(configFrom(io).database);
  try {
    await migrateToLatest(handle.db);
    await upsertDirectory(handle.db, directory.entries);
    const source = { hash: sha256Hex(bytes), name: basename(file) };
    const stored = await storePlan(handle.db, result, source, { userId: null });
    const links = stored.unchanged
      ? { proposed: 0, links: [] }
      : await proposeLinks(handle.db, stored.planId);
    if (options.json) writeJson(io, { ...stored, proposedLinks: links.proposed });
    else
      io.stdout.write(
        renderStoreSummary(result, stored, links.proposed, palette(io.stdout, io.env)),
      );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    throw new CliFailure(
      `Không lưu được kế hoạch từ "${file}": ${(error as Error).message}. Cơ sở dữ liệu không thay đổi.`,
      EXIT_INTERNAL,
    );
  } finally {
    await handle.close();
  }
}
