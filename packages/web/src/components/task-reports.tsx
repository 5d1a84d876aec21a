import { useMore } from "../api/use-more.js";
import type { ReportView } from "../api/types.js";
import { MoreButton } from "./more-button.js";
import { ReportHistory } from "./report-history.js";

/** A task's reports: the newest hundred with the page, older ones on "Xem thêm". */
export function TaskReports({
  taskId,
  first,
  total,
}: {
  taskId: number;
  first: ReportView[];
  total: number;
}) {
  const reports = useMore(first, total, `/api/tasks/${taskId}/reports`);
  return (
    <>
      <ReportHistory reports={reports.items} itemProps={reports.itemProps} />
      <MoreButton
        left={reports.left}
        what="báo cáo"
        loading={reports.loading}
        error={reports.error}
        onMore={() => void reports.load()}
      />
    </>
  );
}
