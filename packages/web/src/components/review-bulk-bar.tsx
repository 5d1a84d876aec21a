import { useEffect, useRef, useState } from "react";
import { api } from "../api/client.js";
import type { ReportWithTask } from "../api/types.js";
import { ErrorBox } from "./feedback.js";

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
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (chosen.length === 0) return null;

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await api("/api/reports/accept", { body: { reportIds: chosen.map((r) => r.id) } });
      setConfirming(false);
      onAccepted(chosen);
    } catch (e) {
      setError(e as Error);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const numbers = chosen.map((r) => r.id).join(", ");
  return (
    <section className="card bulk-bar" aria-label="Báo cáo đã chọn">
      <p>
        Đã chọn <strong>{chosen.length}</strong> báo cáo (số {numbers}).
      </p>
      <ErrorBox error={error} />
      {confirming ? (
        <div
          className="alert confirm"
          role="alertdialog"
          aria-label="Xác nhận chấp nhận nhiều báo cáo"
          onKeyDown={(e) => {
            if (e.key === "Escape") setConfirming(false);
          }}
        >
          <p>
            Chấp nhận cùng lúc {chosen.length} báo cáo: số {numbers}? Mỗi báo cáo được ghi nhật ký
            riêng; nếu một báo cáo không chấp nhận được thì không báo cáo nào được chấp nhận.
          </p>
          <div className="actions">
            <button type="button" ref={confirmRef} disabled={busy} onClick={() => void accept()}>
              Xác nhận chấp nhận {chosen.length} báo cáo
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Huỷ (Esc)
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            Chấp nhận {chosen.length} báo cáo đã chọn
          </button>
          <button type="button" className="secondary" onClick={onClear}>
            Bỏ chọn
          </button>
        </div>
      )}
    </section>
  );
}
