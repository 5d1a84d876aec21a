/**
 * `giamsat backup --out FILE` and `giamsat restore FILE`: the data (database and evidence files)
 * saved to one archive while the server runs, and put back into an empty data folder or an
 * empty database (packages/server/src/backup).
 */
import { DomainError, formatDate } from "@giamsat/core";
import { createBackup, restoreBackup } from "@giamsat/server";
import { parseCommandArgs } from "../args.js";
import { CliFailure, EXIT_OK, type Command } from "../command.js";
import { configFrom } from "./serve.context.js";

const TARGET = [
  "Cơ sở dữ liệu: PostgreSQL khi đặt DATABASE_URL, nếu không là SQLite trong GIAMSAT_DATA_DIR;",
  "tệp minh chứng và tài liệu chờ nhập nằm trong GIAMSAT_DATA_DIR (mặc định ./data).",
];

/** A refusal the user can act on becomes one line with exit code 2. */
async function userFacing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw new CliFailure(error.message);
    throw error;
  }
}

export const backupCommand: Command = {
  name: "backup",
  summary: "Sao lưu cơ sở dữ liệu và tệp minh chứng vào một tệp (khi máy chủ đang chạy)",
  help: [
    "Cách dùng: giamsat backup --out TỆP",
    "",
    "Ghi một tệp tar gồm bản sao nhất quán của cơ sở dữ liệu (SQLite: sao lưu trực tuyến;",
    "PostgreSQL: pg_dump --format=custom), các tệp minh chứng và manifest.json (phiên bản,",
    "migration, số dòng từng bảng, mã SHA-256 từng tệp). Không cần dừng máy chủ.",
    ...TARGET,
  ].join("\n"),
  run: async (args, io) => {
    const { values } = parseCommandArgs(args, { out: { type: "string" } }, "backup");
    if (typeof values.out !== "string") {
      throw new CliFailure("Thiếu --out TỆP. Xem: giamsat backup --help");
    }
    const out = values.out;
    const { file, manifest } = await userFacing(() => createBackup(configFrom(io), out));
    const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
    io.stdout.write(
      `Đã sao lưu vào ${file}: ${rows} dòng trong ${Object.keys(manifest.counts).length} bảng, ${manifest.files.length} tệp; migration ${manifest.migration}.\n`,
    );
    return EXIT_OK;
  },
};

export const restoreCommand: Command = {
  name: "restore",
  summary: "Khôi phục một bản sao lưu vào thư mục dữ liệu hoặc cơ sở dữ liệu trống",
  help: [
    "Cách dùng: giamsat restore TỆP",
    "",
    "Khôi phục bản sao lưu của «giamsat backup» chỉ vào nơi trống: thư mục dữ liệu trống và,",
    "với PostgreSQL, một cơ sở dữ liệu mới tạo. Kiểm tra mã SHA-256 từng tệp, tính toàn vẹn",
    "và số dòng từng bảng so với manifest; nếu sai, không để lại gì.",
    ...TARGET,
  ].join("\n"),
  run: async (args, io) => {
    const { positionals } = parseCommandArgs(args, {}, "restore");
    const [archive] = positionals;
    if (!archive || positionals.length > 1) {
      throw new CliFailure("Cần đúng một tệp sao lưu. Xem: giamsat restore --help");
    }
    const { manifest, rows } = await userFacing(() => restoreBackup(configFrom(io), archive));
    io.stdout.write(
      `Đã khôi phục bản sao lưu tạo lúc ${manifest.createdAt.slice(11, 16)} UTC ngày ${formatDate(manifest.createdAt.slice(0, 10))}: ${rows} dòng, ${manifest.files.length} tệp, mã băm và số dòng khớp. Chạy «giamsat serve» để dùng (migration mới sẽ được áp dụng).\n`,
    );
    return EXIT_OK;
  },
};
