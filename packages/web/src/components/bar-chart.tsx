/**
 * Horizontal stacked bars, one row per unit: the label is HTML text (legible at any width), the
 * bar an inline SVG scaled to the row (attributes only, no inline styles: the CSP forbids them).
 * Adjacent segments are parted by a white gap, each row says its figures to a screen reader,
 * and the figures are also a table under the chart ("Bảng số liệu").
 */
import { ChartTable } from "./chart-table.js";

export type BarSeries = { key: string; label: string; className: string };
export type BarRow = { label: string; values: Record<string, number> };

export function StackedBarChart({
  title,
  series,
  rows,
}: {
  title: string;
  series: BarSeries[];
  rows: BarRow[];
}) {
  const totals = rows.map((row) => series.reduce((sum, s) => sum + (row.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  return (
    <figure className="chart-figure" aria-label={title}>
      <ul className="legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`swatch ${s.className.replace("bar-", "")}`} />
            {s.label}
          </li>
        ))}
      </ul>
      <ol className="bar-rows">
        {rows.map((row, i) => {
          let x = 0;
          const summary = series.map((s) => `${s.label}: ${row.values[s.key] ?? 0}`).join(", ");
          return (
            <li key={row.label} className="bar-row">
              <span className="bar-label">{row.label}</span>
              <span className="bar-track">
                <svg
                  className="bar"
                  viewBox="0 0 100 10"
                  preserveAspectRatio="none"
                  role="img"
                  aria-label={`${row.label}: ${totals[i]} nhiệm vụ (${summary})`}
                >
                  {series.map((s) => {
                    const w = ((row.values[s.key] ?? 0) / max) * 100;
                    const rect =
                      w > 0 ? (
                        <rect
                          key={s.key}
                          className={s.className}
                          x={x}
                          y={0}
                          width={w}
                          height={10}
                          stroke="#ffffff"
                          strokeWidth={2}
                          vectorEffect="non-scaling-stroke"
                        />
                      ) : null;
                    x += w;
                    return rect;
                  })}
                </svg>
                <span className="bar-total">{totals[i]}</span>
              </span>
            </li>
          );
        })}
      </ol>
      <ChartTable title={title} first="Đơn vị chủ trì" columns={series} rows={rows} />
    </figure>
  );
}
