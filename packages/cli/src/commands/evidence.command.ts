/**
 * `giamsat evidence migrate --to local|database`: copies every evidence file (and feedback
 * attachment) into the chosen store, checking hashes; run again, it only checks
 * (packages/server/src/evidence-store/evidence-migrate.ts).
 */
import { DomainError } from "@giamsat/core";
import { migrateEvidence, type EvidenceMigration } from "@giamsat/server";
import { parseCommandArgs } from "../args.js";
import { CliFailure, EXIT_INTERNAL, EXIT_OK, type Command } from "../command.js";
import { configFrom, withRuntime } from "./serve.context.js";

const STORES = { local: "thư mục dữ liệu", database: "cơ sở dữ liệu PostgreSQL" } as const;

const help = [
  "Cách dùng: giamsat evidence migrate --to local|database",
  "",
  "Chép mọi tệp minh chứng và tệp đính kèm góp ý mà dữ liệu trỏ tới sang kho đã chọn:",
  "  local     thư mục GIAMSAT_DATA_DIR/evidence (mặc định)",
  "  database  bảng evidence_blobs/evidence_chunks của PostgreSQL (cần DATABASE_URL),",
  "            dùng chung cho nhiều máy chủ không có ổ đĩa chung",
  "Mỗi tệp được kiểm tra mã SHA-256 ở kho nguồn và đọc lại ở kho đích. Chạy lại an toàn:",
  "tệp đã có ở kho đích chỉ được kiểm tra. Kho nguồn giữ nguyên tệp; sau khi chạy, đặt",
  "GIAMSAT_EVIDENCE_STORE theo kho mới và khởi động lại máy chủ.",
].join("\n");

function summary(m: EvidenceMigration): string {
  const lines = [
    `Kho minh chứng đích: ${m.to} (${STORES[m.to]}). ${m.total} tệp được dữ liệu trỏ tới:`,
    `  đã chép: ${m.copied} tệp (${(m.copiedBytes / 1024 / 1024).toFixed(1)} MB) · đã có sẵn, mã băm khớp: ${m.present}`,
    `  thiếu ở cả hai kho: ${m.missing.length} · sai mã băm: ${m.damaged.length}`,
  ];
  for (const p of [...m.missing, ...m.damaged].slice(0, 5)) lines.push(`  - ${p}`);
  return lines.join("\n");
}

export const evidenceCommand: Command = {
  name: "evidence",
  summary: "Chuyển tệp minh chứng giữa thư mục dữ liệu và cơ sở dữ liệu",
  help,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs(args, { to: { type: "string" } }, "evidence");
    if (positionals.join(" ") !== "migrate") {
      throw new CliFailure("Cần lệnh con migrate. Xem: giamsat evidence --help");
    }
    const to = values.to;
    if (to !== "local" && to !== "database") {
      throw new CliFailure("--to: cần local hoặc database. Xem: giamsat evidence --help");
    }
    return withRuntime(configFrom(io), async ({ ctx }) => {
      let outcome: EvidenceMigration;
      try {
        outcome = await migrateEvidence(ctx, to);
      } catch (error) {
        if (error instanceof DomainError) throw new CliFailure(error.message);
        throw error;
      }
      io.stdout.write(`${summary(outcome)}\n`);
      if (outcome.missing.length || outcome.damaged.length) {
        throw new CliFailure(
          `Chưa chuyển xong: ${outcome.missing.length + outcome.damaged.length} tệp thiếu hoặc sai mã băm (xem danh sách trên). Đừng đổi kho khi còn lỗi.`,
          EXIT_INTERNAL,
        );
      }
      return EXIT_OK;
    });
  },
};
