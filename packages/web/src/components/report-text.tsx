import type { ReportView } from "../api/types.js";

/** What a report says: its summary, difficulties and proposals, as typed (never as HTML). */
export function ReportText({
  report,
}: {
  report: Pick<ReportView, "summary" | "difficulties" | "proposals">;
}) {
  return (
    <>
      <p>{report.summary}</p>
      {report.difficulties && (
        <p>
          <strong>Khó khăn, vướng mắc:</strong> {report.difficulties}
        </p>
      )}
      {report.proposals && (
        <p>
          <strong>Đề xuất, kiến nghị:</strong> {report.proposals}
        </p>
      )}
    </>
  );
}
