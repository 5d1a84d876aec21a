import type { ItemProps } from "../api/use-more.js";
import type { ReportView, ReportWithTask } from "../api/types.js";
import { ReviewReport } from "../components/review-report.js";
import { SignoffDecision, type SignoffDecisionKind } from "./signoff-decision.js";
import { SignoffTick } from "./signoff-tick.js";

/** One staff report waiting for the unit head: its text and evidence, approve or return it. */
export function SignoffCard({
  report,
  ticked,
  onTick,
  onDecided,
  itemProps,
}: {
  report: ReportWithTask;
  /** what the card carries (the first one "Xem thêm" shows takes the keyboard) */
  itemProps?: ItemProps;
  ticked: boolean;
  onTick: (ticked: boolean) => void;
  onDecided: (report: ReportView, decision: SignoffDecisionKind) => void;
}) {
  const titleId = `signoff-${report.id}-title`;
  return (
    <article
      className="card signoff-card"
      aria-labelledby={titleId}
      data-report={report.id}
      {...itemProps}
    >
      <SignoffTick label={`báo cáo số ${report.id}`} checked={ticked} onChange={onTick} />
      <ReviewReport report={report} titleId={titleId} />
      <SignoffDecision<ReportView>
        url={`/api/reports/${report.id}/signoff`}
        idPrefix={`signoff-${report.id}`}
        approveLabel="Ký duyệt, chuyển cơ quan theo dõi"
        onDecided={onDecided}
      />
    </article>
  );
}
