import { formatIndicatorNumber, formatIndicatorPeriod, periodSpan } from "@giamsat/core";
import type { ReactNode } from "react";
import { ChartTable } from "../components/chart-table.js";
import type { IndicatorDetail } from "./indicator.types.js";

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 44, right: 16, top: 12, bottom: 30 };

const TITLE = "Diễn biến giá trị so với chỉ tiêu";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** A legend entry's sample of its line, drawn like the chart's (dash and marker, not colour alone). */
function LegendKey({ children }: { children: ReactNode }) {
  return (
    <svg className="chart legend-key" viewBox="0 0 30 12" width="30" height="12">
      {children}
    </svg>
  );
}

/**
 * History chart: accepted values (each at its period's end), the targets (dashed, over their
 * periods) and the projection to the target's end with its range as a band. Told apart without
 * colour: the values solid with round points, the targets dashed (in the legend too); named,
 * with its figures in a table the reader can open under it ("Bảng số liệu").
 */
export function IndicatorChart({ indicator }: { indicator: IndicatorDetail }) {
  const accepted = indicator.values
    .filter((v) => v.status === "accepted")
    .map((v) => ({ ...v, x: day(periodSpan(v.period)?.end ?? indicator.asOf) }))
    .sort((a, b) => a.x - b.x);
  let running = 0;
  const points = accepted.map((v) => {
    running = indicator.kind === "cumulative" ? running + v.value : v.value;
    return { x: v.x, y: running, label: v.periodLabel };
  });
  const targets = indicator.targets.flatMap((t) => {
    const span = periodSpan(t.period);
    return span && t.value !== null ? [{ ...t, x0: day(span.start), x1: day(span.end) }] : [];
  });
  const p = indicator.projection;
  const pEnd = p ? (targets.find((t) => t.period === p.period)?.x1 ?? null) : null;
  const xs = [
    ...points.map((q) => q.x),
    ...targets.flatMap((t) => [t.x0, t.x1]),
    day(indicator.asOf),
  ];
  const ys = [
    0,
    ...points.map((q) => q.y),
    ...targets.map((t) => t.value ?? 0),
    ...(p ? [p.high] : []),
  ];
  if (xs.length < 2) return null;
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const maxY = Math.max(1, ...ys) * 1.05;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (v: number) => PAD.left + ((v - minX) / Math.max(1, maxX - minX)) * plotW;
  const y = (v: number) => PAD.top + plotH - (v / maxY) * plotH;
  const last = points.at(-1);
  return (
    <figure className="chart-figure" aria-label={TITLE}>
      <ul className="legend" aria-hidden="true">
        <li>
          <LegendKey>
            <line className="ind-value" x1={1} x2={29} y1={6} y2={6} />
            <circle className="ind-point" cx={15} cy={6} r={4} />
          </LegendKey>
          Giá trị đã chấp nhận
        </li>
        <li>
          <LegendKey>
            <line className="ind-target" x1={1} x2={29} y1={6} y2={6} />
          </LegendKey>
          Chỉ tiêu
        </li>
        {p && (
          <li>
            <span className="swatch ind-band" /> Dự báo và khoảng dự báo
          </li>
        )}
      </ul>
      <svg
        className="chart indicator-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Diễn biến chỉ tiêu: ${indicator.warningText}`}
      >
        {[0, maxY / 2, maxY].map((t) => (
          <g key={t}>
            <line className="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} />
            <text className="tick" x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
              {formatIndicatorNumber(t)}
            </text>
          </g>
        ))}
        {targets.map((t) => (
          <line
            key={t.period}
            className="ind-target"
            x1={x(t.x0)}
            x2={x(t.x1)}
            y1={y(t.value!)}
            y2={y(t.value!)}
          />
        ))}
        {p && last && pEnd !== null && (
          <>
            <polygon
              className="ind-band"
              points={`${x(last.x)},${y(last.y)} ${x(pEnd)},${y(p.high)} ${x(pEnd)},${y(p.low)}`}
            />
            <line
              className="ind-projection"
              x1={x(last.x)}
              y1={y(last.y)}
              x2={x(pEnd)}
              y2={y(p.value)}
            />
          </>
        )}
        {points.length > 1 && (
          <polyline
            className="ind-value"
            points={points.map((q) => `${x(q.x)},${y(q.y)}`).join(" ")}
          />
        )}
        {points.map((q) => (
          <circle key={q.x} className="ind-point" cx={x(q.x)} cy={y(q.y)} r={4} />
        ))}
        <line
          className="ind-today"
          x1={x(day(indicator.asOf))}
          x2={x(day(indicator.asOf))}
          y1={PAD.top}
          y2={PAD.top + plotH}
        />
      </svg>
      <ChartTable
        title={TITLE}
        first="Kỳ"
        columns={[{ key: "value", label: "Giá trị" }]}
        rows={[
          ...points.map((q) => ({
            label: q.label,
            values: { value: formatIndicatorNumber(q.y) },
          })),
          ...targets.map((t) => ({
            label: `Chỉ tiêu ${formatIndicatorPeriod(t.period)}`,
            values: { value: t.raw },
          })),
        ]}
      />
    </figure>
  );
}
