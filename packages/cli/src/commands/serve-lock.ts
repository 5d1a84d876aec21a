/**
 * One server per SQLite data folder. SQLite serves one process well; a second `giamsat serve`
 * on the same folder (started twice by mistake, or by two units' scripts) would fight the first
 * for the write lock. The first to start writes its process id to `serve.pid` in the folder (created
 * atomically); a second start finds a live process there and is refused with what to do. A file
 * left by a process that died (a crash, SIGKILL) is taken over. PostgreSQL installations may run
 * several servers and take no lock. `remind`, `user`, `backup` and `import` run beside a server
 * and take none either.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import type { Config } from "@giamsat/server";
import { CliFailure } from "../command.js";

const FILE = "serve.pid";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function create(file: string): boolean {
  try {
    const fd = openSync(file, "wx", 0o600);
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** Takes the data folder for this server (SQLite only); returns the release. */
export function lockDataFolder(config: Config): () => void {
  if (config.database.url) return () => undefined;
  const file = path.join(config.dataDir, FILE);
  if (!create(file)) {
    const holder = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
      throw new CliFailure(
        `Một máy chủ Giám sát khác (tiến trình ${holder}) đang chạy trên thư mục dữ liệu ${config.dataDir}: mỗi thư mục SQLite chỉ phục vụ một máy chủ. Hãy dừng máy chủ đó, chọn thư mục khác (GIAMSAT_DATA_DIR), hoặc dùng PostgreSQL (DATABASE_URL) để chạy nhiều máy chủ. Nếu chắc chắn không còn máy chủ nào, xoá tệp ${file}.`,
      );
    }
    unlinkSync(file); // left by a process that is gone
    if (!create(file)) throw new CliFailure(`Không giữ được thư mục dữ liệu ${config.dataDir}.`);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      if (readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}
