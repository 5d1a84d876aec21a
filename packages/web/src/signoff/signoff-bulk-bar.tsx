import { api } from "../api/client.js";
import { BulkConfirmBar } from "../components/bulk-confirm-bar.js";

/** The reports and change requests ticked on "Chờ ký duyệt", by number. */
export type Chosen = { reports: number[]; changes: number[] };

/** "báo cáo số 3, 4 và đề xuất số 7" */
function listed(c: Chosen): string {
  return [
    c.reports.length ? `báo cáo số ${c.reports.join(", ")}` : "",
    c.changes.length ? `đề xuất số ${c.changes.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join(" và ");
}

/**
 * The unit head approves the ticked items together: one request, each its own decision in the
 * audit, all or none (the server names the item that stopped it). Returning stays one at a time,
 * with its reason.
 */
export function SignoffBulkBar({
  chosen,
  onClear,
  onApproved,
}: {
  chosen: Chosen;
  onClear: () => void;
  onApproved: (count: number) => void;
}) {
  const count = chosen.reports.length + chosen.changes.length;
  return (
    <BulkConfirmBar
      count={count}
      label="Mục đã chọn để ký duyệt"
      summary={
        <>
          Đã chọn <strong>{count}</strong> mục ({listed(chosen)}).
        </>
      }
      question={`Ký duyệt cùng lúc ${count} mục: ${listed(chosen)}? Mỗi mục được ghi nhật ký riêng; nếu một mục không ký duyệt được thì không mục nào được ký duyệt.`}
      dialogLabel="Xác nhận ký duyệt nhiều mục"
      startLabel={`Ký duyệt ${count} mục đã chọn`}
      confirmLabel={`Xác nhận ký duyệt ${count} mục`}
      send={async () => {
        await api("/api/signoff/approve", {
          body: { reportIds: chosen.reports, changeRequestIds: chosen.changes },
        });
        onApproved(count);
      }}
      onClear={onClear}
    />
  );
}
