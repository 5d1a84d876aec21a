/** `giamsat migrate`: brings the database (DATABASE_URL or GIAMSAT_DATA_DIR's SQLite) to the latest schema. */
import { EXIT_OK, type Command } from "../command.js";
import { configFrom, withRuntime } from "./serve.context.js";

export const migrateCommand: Command = {
  name: "migrate",
  summary: "Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất",
  help: [
    "Cách dùng: giamsat migrate",
    "",
    "Chạy các migration chưa áp dụng. Cơ sở dữ liệu: PostgreSQL khi đặt DATABASE_URL,",
    "nếu không là tệp SQLite trong GIAMSAT_DATA_DIR (mặc định ./data).",
  ].join("\n"),
  run: async (_args, io) => {
    const config = configFrom(io);
    const applied = await withRuntime(config, async (r) => r.applied);
    io.stdout.write(
      applied.length
        ? `Đã áp dụng ${applied.length} migration: ${applied.join(", ")}\n`
        : "Cơ sở dữ liệu đã ở phiên bản mới nhất.\n",
    );
    return EXIT_OK;
  },
};
