import { formatIndicatorPeriod, vietnamDay } from "@giamsat/core";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { isUnitRole, useUser } from "../auth/session.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { isIsoDate } from "../format/date.format.js";
import { Link } from "../router/link.js";
import { useLocation } from "../router/router.js";
import { AchievementBar } from "./achievement-bar.js";
import { IndicatorChart } from "./indicator-chart.js";
import { formatValue } from "./indicator.format.js";
import { IndicatorKindField } from "./indicator-kind-form.js";
import type { IndicatorDetail } from "./indicator.types.js";
import { IndicatorValueForm } from "./indicator-value-form.js";
import { IndicatorValues } from "./indicator-values.js";
import { WarningChip } from "./warning-chip.js";

/** One indicator: evaluation as of a date, history chart, values, reporting and review. */
export function IndicatorPage({ id }: { id: string }) {
  const user = useUser();
  const { query } = useLocation();
  const asOf = isIsoDate(query.get("asOf")) ? (query.get("asOf") as string) : vietnamDay();
  const detail = useResource(`indicator ${id} ${asOf}`, (signal) =>
    api<IndicatorDetail>(`/api/indicators/${id}`, { query: { asOf }, signal }),
  );
  const i = detail.data;
  const mine =
    i?.responsible && isUnitRole(user.role) && (user.units ?? []).includes(i.responsible.id);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/ke-hoach">Kế hoạch</Link> ›{" "}
        {i && <Link to={`/ke-hoach/${i.planId}?asOf=${asOf}`}>Kế hoạch của chỉ tiêu</Link>}
      </p>
      <ErrorBox error={detail.error} />
      {!i && detail.loading && <Loading />}
      {i && (
        <>
          <div className="page-head">
            <div>
              <h1>
                Chỉ tiêu {i.number ?? ""}: {i.name}
              </h1>
              <p className="subtitle">{i.responsible?.name ?? "Chưa rõ đơn vị chủ trì"}</p>
            </div>
            <WarningChip warning={i.warning} />
          </div>
          <section className="card" aria-labelledby="eval-title">
            <h2 id="eval-title">Đánh giá</h2>
            <p className="warning-text">{i.warningText}</p>
            <dl className="fields">
              <dt>Chỉ tiêu</dt>
              <dd>
                {i.targets.map((t) => `${formatIndicatorPeriod(t.period)}: ${t.raw}`).join("; ") ||
                  "—"}
              </dd>
              <dt>Giá trị hiện tại</dt>
              <dd>
                {formatValue(i.current, i.unit)}
                {i.latest && ` (${formatIndicatorPeriod(i.latest.period)})`}
              </dd>
              <dt>Mức đạt so với chỉ tiêu năm</dt>
              <dd>
                <AchievementBar share={i.achievement} />
              </dd>
              <dt>Kỳ vọng đến nay</dt>
              <dd>{formatValue(i.expected, i.unit)}</dd>
              <dt>Loại, chiều</dt>
              <dd>
                <IndicatorKindField
                  key={JSON.stringify(i.correction)}
                  indicator={i}
                  canCorrect={user.role === "monitor"}
                  onChange={detail.reload}
                />
              </dd>
            </dl>
            <IndicatorChart indicator={i} />
            <p className="muted small">
              Dự báo: đường thẳng bình phương nhỏ nhất qua các giá trị đã chấp nhận (chỉ tiêu mức),
              hoặc tốc độ tăng bình quân mỗi tháng (chỉ tiêu cộng dồn), kéo đến cuối kỳ chỉ tiêu;
              khoảng dự báo ±2 sai số chuẩn (≈ 95%).
            </p>
          </section>
          {mine && (
            <IndicatorValueForm
              id={i.id}
              unit={i.unit}
              period={query.get("ky")}
              onSent={detail.reload}
            />
          )}
          <section className="card" aria-labelledby="values-title">
            <h2 id="values-title">Giá trị đã báo cáo</h2>
            <IndicatorValues
              values={i.values}
              unit={i.unit}
              canReview={user.role === "monitor"}
              onChange={detail.reload}
            />
          </section>
        </>
      )}
    </>
  );
}
