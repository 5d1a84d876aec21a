/**
 * A small multi-line chart as inline SVG (monthly trend). Series differ by more than colour:
 * each has its own marker shape and dash pattern (in the legend too) and is named at its last
 * point; the figures are also a table under the chart ("Bảng số liệu").
 */
import type { ReactNode } from "react";
import { ChartTable } from "./chart-table.js";

export type LineSeries = { key: string; label: string; className: string };
export type LinePoint = { label: string; values: Record<string, number> };

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 40, right: 100, top: 12, bottom: 30 };

/** Dash patterns by series (the first solid). */
const DASHES = [undefined, "8 5", "2 4", "10 4 2 4"];

/** The series' marker at (x, y): circle, square, triangle, diamond. */
function marker(index: number, x: number, y: number, className: string, title: ReactNode) {
  const r = 4.5;
  const shapes = [
    <circle className={className} cx={x} cy={y} r={r}>
      {title}
    </circle>,
    <rect className={className} x={x - r} y={y - r} width={2 * r} height={2 * r}>
      {title}
    </rect>,
    <path
      className={className}
      d={`M${x},${y - r - 1} L${x + r + 1},${y + r} L${x - r - 1},${y + r} Z`}
    >
      {title}
    </path>,
    <path
      className={className}
      d={`M${x},${y - r - 1} L${x + r + 1},${y} L${x},${y + r + 1} L${x - r - 1},${y} Z`}
    >
      {title}
    </path>,
  ];
  return shapes[index % shapes.length];
}

export function LineChart({
  title,
  series,
  points,
}: {
  title: string;
  series: LineSeries[];
  points: LinePoint[];
}) {
  const max = Math.max(1, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, Math.round(max / 2), max];
  // each series named at its last point, pushed apart when two would overlap
  const last = points.at(-1);
  const endLabels = series
    .map((s) => ({ key: s.key, label: s.label, y: y(last?.values[s.key] ?? 0) }))
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < endLabels.length; i++)
    endLabels[i]!.y = Math.max(endLabels[i]!.y, endLabels[i - 1]!.y + 14);
  return (
    <figure className="chart-figure" aria-label={title}>
      <ul className="legend" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.key}>
            <svg className="chart legend-key" viewBox="0 0 30 12" width="30" height="12">
              <line
                className={s.className}
                x1={1}
                x2={29}
                y1={6}
                y2={6}
                strokeDasharray={DASHES[i % DASHES.length]}
              />
              {marker(i, 15, 6, s.className.replace("line-", "dot-"), null)}
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        {ticks.map((t) => (
          <g key={t}>
            <line className="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        <line className="axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        {points.map((p, i) => (
          <text key={p.label} x={x(i)} y={HEIGHT - 8} textAnchor="middle">
            {p.label}
          </text>
        ))}
        {series.map((s, si) => (
          <g key={s.key}>
            <polyline
              className={s.className}
              strokeDasharray={DASHES[si % DASHES.length]}
              points={points.map((p, i) => `${x(i)},${y(p.values[s.key] ?? 0)}`).join(" ")}
            />
            {points.map((p, i) => (
              <g key={p.label}>
                {marker(
                  si,
                  x(i),
                  y(p.values[s.key] ?? 0),
                  s.className.replace("line-", "dot-"),
                  <title>{`${s.label} ${p.label}: ${p.values[s.key] ?? 0}`}</title>,
                )}
              </g>
            ))}
          </g>
        ))}
        {endLabels.map((l) => (
          <text key={l.key} className="end-label" x={x(points.length - 1) + 9} y={l.y + 4}>
            {l.label}
          </text>
        ))}
      </svg>
      <ChartTable title={title} first="Tháng" columns={series} rows={points} />
    </figure>
  );
}
