import type { PublicPlanDetailView } from "@giamsat/server/api";
import { Empty } from "../components/feedback.js";
import { AchievementBar } from "../indicators/achievement-bar.js";
import { WarningChip } from "../indicators/warning-chip.js";
import { Link } from "../router/link.js";
import { PublicTableCard } from "./public-table-card.js";

/**
 * The public plan page's sections beside the counts and overdue tasks: units late in reporting,
 * indicators with their achievement, and the published answers to PAKN with their ratings.
 * Everything is shown as text (never as HTML).
 */
export function PublicLateUnits({ units }: { units: PublicPlanDetailView["lateUnits"] }) {
  return (
    <PublicTableCard
      id="public-late-units"
      title={`Đơn vị chậm báo cáo (${units.length})`}
      testId="public-late-units"
      count={units.length}
      empty="Các đơn vị đã gửi đúng hạn mọi kỳ báo cáo đến hạn."
      head={
        <>
          <th>Đơn vị</th>
          <th className="num">Kỳ báo cáo đến hạn</th>
          <th className="num">Gửi đúng hạn</th>
        </>
      }
    >
      {units.map((u) => (
        <tr key={u.unit}>
          <td className="task-name">{u.unit}</td>
          <td className="num" data-label="Kỳ báo cáo đến hạn">
            {u.reportsDue}
          </td>
          <td className="num" data-label="Gửi đúng hạn">
            {u.reportsOnTime}
          </td>
        </tr>
      ))}
    </PublicTableCard>
  );
}

export function PublicIndicators({ items }: { items: PublicPlanDetailView["indicators"] }) {
  if (items.length === 0) return null;
  return (
    <PublicTableCard
      id="public-indicators"
      title={`Chỉ tiêu (${items.length})`}
      testId="public-indicators"
      count={items.length}
      empty=""
      head={
        <>
          <th className="num">STT</th>
          <th>Chỉ tiêu</th>
          <th>Chỉ tiêu kế hoạch</th>
          <th>Số liệu mới nhất</th>
          <th>Mức đạt</th>
          <th>Đánh giá</th>
        </>
      }
    >
      {items.map((i, k) => (
        <tr key={k}>
          <td className="num" data-label="STT">
            {i.number ?? "—"}
          </td>
          <td className="task-name">
            {i.name}
            {i.responsible && <div className="muted small">{i.responsible}</div>}
          </td>
          <td data-label="Chỉ tiêu kế hoạch">
            {i.target ? `${i.target}${i.unit ? ` ${i.unit}` : ""}` : "—"}
          </td>
          <td data-label="Số liệu mới nhất">{i.latest ?? "Chưa có số liệu"}</td>
          <td data-label="Mức đạt">
            <AchievementBar share={i.achievement} />
          </td>
          <td data-label="Đánh giá">
            <WarningChip warning={i.warning} reason={i.warningText} />
          </td>
        </tr>
      ))}
    </PublicTableCard>
  );
}

export function PublicFeedback({ feedback }: { feedback: PublicPlanDetailView["feedback"] }) {
  const average = feedback.averageRating;
  return (
    <section className="card" aria-labelledby="public-feedback">
      <h2 id="public-feedback">Trả lời phản ánh, kiến nghị ({feedback.total})</h2>
      {average !== null && (
        <p data-testid="public-feedback-rating">
          Người gửi chấm trung bình {average.toLocaleString("vi-VN", { maximumFractionDigits: 1 })}
          /5 ({feedback.rated} đánh giá).
        </p>
      )}
      {feedback.items.length === 0 ? (
        <Empty>Chưa có trả lời nào được công bố.</Empty>
      ) : (
        <ul className="public-feedback" data-testid="public-feedback">
          {feedback.items.map((f) => (
            <li key={f.code}>
              <h3>
                {f.kindLabel}: {f.title}
              </h3>
              <p className="muted small">
                <Link to={`/gop-y/${f.code}`}>{f.code}</Link>
                {f.senderName ? ` · ${f.senderName}` : ""}
                {f.task ? ` · nhiệm vụ ${f.task}` : ""}
                {f.unit ? ` · ${f.unit} trả lời` : ""}
              </p>
              <p className="answer">{f.answer}</p>
              <p className="small">
                {f.rating === null
                  ? "Người gửi chưa đánh giá."
                  : `Người gửi đánh giá ${f.rating}/5.`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
