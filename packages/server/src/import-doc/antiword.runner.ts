/**
 * A legacy Word document (.doc, Word 97–2003) for the importer (the IO part; the reading is
 * core's): antiword (Debian package `antiword`, under 1 MB) converts it to DocBook XML, which
 * keeps its tables' rows and cells. The program comes from the configuration (GIAMSAT_ANTIWORD;
 * default: found on PATH); without it, or when it cannot read the file, a Vietnamese message
 * says what to do.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { NotAPlanError, type LegacyWord } from "@giamsat/core";

const run = promisify(execFile);
const TIMEOUT_MS = 60_000;

const SAVE_AS =
  "hoặc mở tệp bằng Word hay LibreOffice, chọn Lưu thành (Save As) Word .docx rồi nhập lại.";
export const NO_ANTIWORD = `Không đọc được tệp Word định dạng cũ (.doc): máy chủ chưa cài antiword (gói antiword). Hãy cài đặt, ${SAVE_AS}`;
const BROKEN = `Không đọc được tệp Word định dạng cũ (.doc): tệp bị hỏng hoặc có mật khẩu; ${SAVE_AS}`;

export function antiwordReader(program: string): LegacyWord {
  return async (file) => {
    const dir = await mkdtemp(path.join(tmpdir(), "giamsat-doc-"));
    try {
      await writeFile(path.join(dir, "plan.doc"), file);
      const { stdout } = await run(program, ["-x", "db", "plan.doc"], {
        cwd: dir,
        maxBuffer: 256 * 1024 * 1024,
        encoding: "utf8",
        // Stopped (not left running after the import gave up) past a minute: refused as damaged.
        timeout: TIMEOUT_MS,
      });
      return stdout;
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      throw new NotAPlanError(missing ? NO_ANTIWORD : BROKEN);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
