import { useState } from "react";
import { api } from "../api/client.js";
import type { ChangeRequestView } from "../api/types.js";
import { useMore } from "../api/use-more.js";
import { useResource } from "../api/use-resource.js";
import { reportCount, type QueuePage } from "../format/queue.format.js";
import { useUser } from "../auth/session.js";
import { ChangeRequestList } from "../components/change-request-list.js";
import {
  ChangeRequestTaskTitle,
  loadChangeRequestsWithTasks,
} from "../components/change-request-tasks.js";
import { Empty, ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { MoreButton } from "../components/more-button.js";
import { SignoffBulkBar, type Chosen } from "./signoff-bulk-bar.js";
import { SignoffCard } from "./signoff-card.js";
import { SignoffDecision } from "./signoff-decision.js";
import { SignoffTick } from "./signoff-tick.js";

/** Reports listed on the page at once, oldest first. */
const PAGE_SIZE = 50;

const NONE: Chosen = { reports: [], changes: [] };
const toggle = (ids: number[], id: number, on: boolean) =>
  on ? [...ids, id] : ids.filter((x) => x !== id);

/**
 * "Chờ ký duyệt": the reports and change requests the unit's staff sent that wait for the unit
 * head. Approving sends a report on to the monitoring department with its
 * submission time, a change request on to the leader; returning sends it back to the staff
 * member with the reason. Ticked items are approved together.
 */
export function SignoffPage() {
  const user = useUser();
  const list = useResource("signoff", (signal) =>
    api<QueuePage>("/api/reports", {
      query: { status: "awaiting_signoff", limit: PAGE_SIZE },
      signal,
    }),
  );
  const changes = useResource("signoff changes", (signal) =>
    loadChangeRequestsWithTasks("awaiting_signoff", signal),
  );
  // the pages after the first, on "Xem thêm"
  const reports = useMore(list.data?.items ?? [], list.data?.total ?? 0, "/api/reports", {
    status: "awaiting_signoff",
  });
  const moreChanges = useMore(
    changes.data?.items ?? [],
    changes.data?.total ?? 0,
    "/api/change-requests",
    { status: "awaiting_signoff" },
  );
  // a decided item's buttons, or the bulk bar, are gone with it: the result takes the keyboard
  const [done, setDone] = useState<{ message: string } | null>(null);
  const [chosen, setChosen] = useState<Chosen>(NONE);
  const reload = (message: string) => {
    setDone({ message });
    setChosen(NONE);
    reports.reset();
    moreChanges.reset();
    list.reload();
    changes.reload();
  };
  const decided = (what: string, id: number, decision: "approve" | "return", to: string) =>
    reload(
      decision === "approve"
        ? `Đã ký duyệt ${what} số ${id}; ${what} đã chuyển tới ${to}.`
        : `Đã trả lại ${what} số ${id} cho cán bộ kèm lý do.`,
    );
  const data = list.data;
  const waitingChanges = moreChanges.items;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Chờ ký duyệt</h1>
          <p className="subtitle" role="status" data-testid="signoff-count">
            {user.org?.name ? `${user.org.name} · ` : ""}
            {data ? `${reportCount(data)} báo cáo của cán bộ chờ ký duyệt, cũ nhất trước` : ""}
            {changes.data ? ` · ${changes.data.total} đề xuất điều chỉnh` : ""}
          </p>
        </div>
      </div>
      <p className="muted">
        Báo cáo của cán bộ chỉ được chuyển tới cơ quan theo dõi, đề xuất điều chỉnh chỉ được chuyển
        tới lãnh đạo quyết định sau khi lãnh đạo đơn vị ký duyệt; thời điểm gửi của cán bộ được giữ
        để tính đúng hạn.
      </p>
      <StatusRegion focusOn={done}>
        {done && <p className="alert success">{done.message}</p>}
      </StatusRegion>
      <SignoffBulkBar
        chosen={chosen}
        onClear={() => setChosen(NONE)}
        onApproved={(n) => reload(`Đã ký duyệt cùng lúc ${n} mục; mỗi mục được ghi nhật ký riêng.`)}
      />
      <ErrorBox error={list.error ?? changes.error} />
      {list.loading && !data && <Loading />}
      <h2>Báo cáo</h2>
      {data && data.items.length === 0 && <Empty>Không có báo cáo nào chờ ký duyệt.</Empty>}
      {reports.items.map((r) => (
        <SignoffCard
          key={r.id}
          report={r}
          itemProps={reports.itemProps(r.id)}
          ticked={chosen.reports.includes(r.id)}
          onTick={(on) => setChosen({ ...chosen, reports: toggle(chosen.reports, r.id, on) })}
          onDecided={(sent, decision) => decided("báo cáo", sent.id, decision, "cơ quan theo dõi")}
        />
      ))}
      <MoreButton
        left={reports.left}
        what="báo cáo"
        loading={reports.loading}
        error={reports.error}
        onMore={() => void reports.load()}
      />
      <h2>Đề xuất điều chỉnh</h2>
      {changes.data && waitingChanges.length === 0 && (
        <Empty>Không có đề xuất điều chỉnh nào chờ ký duyệt.</Empty>
      )}
      {waitingChanges.length > 0 && (
        <section className="card" aria-label="Đề xuất điều chỉnh chờ ký duyệt">
          <ChangeRequestList
            requests={waitingChanges}
            itemProps={moreChanges.itemProps}
            onDecided={changes.reload}
            title={(c) => (
              <ChangeRequestTaskTitle request={c} task={changes.data?.byId.get(c.taskId)} />
            )}
            actions={(c) => (
              <div className="decision">
                <SignoffTick
                  label={`đề xuất số ${c.id}`}
                  checked={chosen.changes.includes(c.id)}
                  onChange={(on) =>
                    setChosen({ ...chosen, changes: toggle(chosen.changes, c.id, on) })
                  }
                />
                <SignoffDecision<ChangeRequestView>
                  url={`/api/change-requests/${c.id}/signoff`}
                  idPrefix={`cr-signoff-${c.id}`}
                  approveLabel="Ký duyệt, chuyển lãnh đạo quyết định"
                  onDecided={(sent, decision) => decided("đề xuất", sent.id, decision, "lãnh đạo")}
                />
              </div>
            )}
          />
          <MoreButton
            left={moreChanges.left}
            what="đề xuất"
            loading={moreChanges.loading}
            error={moreChanges.error}
            onMore={() => void moreChanges.load()}
          />
        </section>
      )}
    </>
  );
}
