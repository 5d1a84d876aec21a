import { useState } from "react";
import { api } from "../api/client.js";
import type { Page, ReportView, ReportWithTask } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { SignoffCard } from "./signoff-card.js";

/** Reports listed on the page at once, oldest first. */
const PAGE_SIZE = 50;

/**
 * "Chờ ký duyệt": the reports the unit's staff sent that wait for the unit head (issue 9,
 * point 6). Approving sends one on to the monitoring department with its submission time;
 * returning sends it back to the staff member with the reason.
 */
export function SignoffPage() {
  const user = useUser();
  const list = useResource("signoff", (signal) =>
    api<Page<ReportWithTask>>("/api/reports", {
      query: { status: "awaiting_signoff", limit: PAGE_SIZE },
      signal,
    }),
  );
  const [done, setDone] = useState<string | null>(null);
  const data = list.data;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Chờ ký duyệt</h1>
          <p className="subtitle" role="status" data-testid="signoff-count">
            {user.org?.name ? `${user.org.name} · ` : ""}
            {data ? `${data.total} báo cáo của cán bộ chờ ký duyệt, cũ nhất trước` : ""}
          </p>
        </div>
      </div>
      <p className="muted">
        Báo cáo của cán bộ chỉ được chuyển tới cơ quan theo dõi sau khi lãnh đạo đơn vị ký duyệt;
        thời điểm gửi của cán bộ được giữ để tính đúng hạn.
      </p>
      {done && (
        <p className="alert success" role="status">
          {done}
        </p>
      )}
      <ErrorBox error={list.error} />
      {list.loading && !data && <Loading />}
      {data && data.items.length === 0 && <Empty>Không có báo cáo nào chờ ký duyệt.</Empty>}
      {data?.items.map((r) => (
        <SignoffCard
          key={r.id}
          report={r}
          onDecided={(sent: ReportView, decision) => {
            setDone(
              decision === "approve"
                ? `Đã ký duyệt báo cáo số ${sent.id}; báo cáo đã chuyển tới cơ quan theo dõi.`
                : `Đã trả lại báo cáo số ${sent.id} cho cán bộ kèm lý do.`,
            );
            list.reload();
          }}
        />
      ))}
    </>
  );
}
