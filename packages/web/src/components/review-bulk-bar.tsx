import { api } from "../api/client.js";
import type { ReportWithTask } from "../api/types.js";
import { BulkConfirmBar } from "./bulk-confirm-bar.js";

/**
 * The reports ticked in the review queue, accepted together: one request, all or none (the
 * server names the report that stopped it). Asks for a confirmation listing their numbers first.
 * Returning stays one report at a time, with its reason.
 */
export function ReviewBulkBar({
  chosen,
  onClear,
  onAccepted,
}: {
  chosen: ReportWithTask[];
  onClear: () => void;
  onAccepted: (reports: ReportWithTask[]) => void;
}) {
  const numbers = chosen.map((r) => r.id).join(", ");
  return (
    <BulkConfirmBar
      count={chosen.length}
      label="Báo cáo đã chọn"
      summary={
        <>
          Đã chọn <strong>{chosen.length}</strong> báo cáo (số {numbers}).
        </>
      }
      question={`Chấp nhận cùng lúc ${chosen.length} báo cáo: số ${numbers}? Mỗi báo cáo được ghi nhật ký riêng; nếu một báo cáo không chấp nhận được thì không báo cáo nào được chấp nhận.`}
      dialogLabel="Xác nhận chấp nhận nhiều báo cáo"
      startLabel={`Chấp nhận ${chosen.length} báo cáo đã chọn`}
      confirmLabel={`Xác nhận chấp nhận ${chosen.length} báo cáo`}
      send={async () => {
        await api("/api/reports/accept", { body: { reportIds: chosen.map((r) => r.id) } });
        onAccepted(chosen);
      }}
      onClear={onClear}
    />
  );
}
