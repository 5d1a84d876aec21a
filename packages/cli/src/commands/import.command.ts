/** `giamsat import [--dry-run] [--json] [--orgs FILE] FILE`: read a plan document. */
import { basename } from "node:path";
import {
  DocumentTooLargeError,
  importDocumentFile,
  NotAPlanError,
  type ImportResult,
} from "@giamsat/core";
import { antiwordReader, loadConfig, scanOcr } from "@giamsat/server";
import { CliFailure, EXIT_OK, type CliIO, type Command } from "../command.js";
import { loadDirectory, readInputFile } from "../input.js";
import { palette, writeJson } from "../output.js";
import { parseCommandArgs } from "../args.js";
import { renderImportSummary } from "./import.summary.js";
import { storeImport } from "./import-store.js";

const HELP = `Cách dùng: giamsat import [--dry-run] [--json] [--orgs TỆP] TỆP

Đọc một văn bản kế hoạch (.txt, .md, .docx, .doc (chuyển bằng antiword), .xlsx, .html, .pdf có lớp
chữ hoặc bản quét (nhận dạng chữ bằng Tesseract) — định dạng nhận theo nội dung tệp) thành
nhiệm vụ, mốc và chỉ tiêu. Với --dry-run chỉ xem trước, không ghi gì. Không có --dry-run: lưu
vào cơ sở dữ liệu trong một giao dịch (PostgreSQL nếu có DATABASE_URL, nếu không thì tệp SQLite
trong GIAMSAT_DATA_DIR, mặc định ./data); nhập lại cùng văn bản không thay đổi gì, văn bản sửa
đổi được đối chiếu và ghi nhận thay đổi; đề xuất liên kết với nhiệm vụ của kế hoạch đã có.

Tuỳ chọn:
  --dry-run      chỉ đọc và hiển thị kết quả, không ghi vào cơ sở dữ liệu
  --json         in một đối tượng JSON theo hợp đồng nhập (cảnh báo nằm trong JSON)
  --orgs TỆP     tệp JSON bổ sung danh mục tổ chức (hoặc biến môi trường GIAMSAT_ORGS_FILE)
  -h, --help     hiển thị trợ giúp này

Mã thoát: 0 đã đọc được (kể cả khi có cảnh báo); 2 không đọc được tệp, hoặc tệp không có bảng
nhiệm vụ hay chỉ tiêu nào (lý do in một dòng ra stderr).`;

/** Reads and imports one file; failures become one-line CliFailures. */
export async function importFile(
  path: string,
  orgsFile: string | undefined,
  io: CliIO,
): Promise<ImportResult> {
  const bytes = await readInputFile(path);
  const directory = loadDirectory(orgsFile, io);
  const config = loadConfig(io.env);
  let result: ImportResult;
  try {
    result = await importDocumentFile(bytes, {
      directory,
      fileName: basename(path),
      ocr: scanOcr(config.ocrPrograms, (done, total) =>
        io.stderr.write(`Nhận dạng chữ: trang ${done}/${total}\n`),
      ),
      legacyWord: antiwordReader(config.antiword),
    });
  } catch (error) {
    if (error instanceof NotAPlanError || error instanceof DocumentTooLargeError)
      throw new CliFailure(`Không đọc được "${path}": ${error.message}`);
    throw error;
  }
  if (!result.appendices.some((a) => a.tasks.length > 0 || a.indicators.length > 0)) {
    throw new CliFailure(
      `Không đọc được "${path}": không tìm thấy bảng nhiệm vụ hay chỉ tiêu nào trong tệp.`,
    );
  }
  return result;
}

export const importCommand: Command = {
  name: "import",
  summary: "đọc một văn bản kế hoạch thành nhiệm vụ, mốc, chỉ tiêu (--dry-run: xem trước)",
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { "dry-run": { type: "boolean" }, json: { type: "boolean" }, orgs: { type: "string" } },
      "import",
    );
    if (positionals.length !== 1)
      throw new CliFailure("Cần đúng một tệp: giamsat import [--dry-run] [--json] TỆP");
    const file = positionals[0]!;
    if (!values["dry-run"]) {
      return storeImport(file, values.orgs as string | undefined, io, { json: !!values.json });
    }
    const result = await importFile(file, values.orgs as string | undefined, io);
    if (values.json) writeJson(io, result);
    else io.stdout.write(renderImportSummary(result, file, palette(io.stdout, io.env)));
    return EXIT_OK;
  },
};
