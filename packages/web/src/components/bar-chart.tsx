/** Horizontal stacked bars as inline SVG: one row per unit, one segment per series. */
export type BarSeries = { key: string; label: string; className: string };
export type BarRow = { label: string; values: Record<string, number>; href?: string };

const ROW = 26;
const LABEL_W = 190;
const WIDTH = 640;

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
  const plotW = WIDTH - LABEL_W - 40;
  const height = rows.length * ROW + 8;
  const short = (text: string) => (text.length > 30 ? `${text.slice(0, 29)}…` : text);
  return (
    <figure className="chart-figure">
      <ul className="legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`swatch ${s.className.replace("bar-", "")}`} />
            {s.label}
          </li>
        ))}
      </ul>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        {rows.map((row, i) => {
          let x = LABEL_W;
          const y = i * ROW + 4;
          return (
            <g key={row.label}>
              <title>
                {`${row.label}: ${series.map((s) => `${s.label} ${row.values[s.key] ?? 0}`).join(", ")}`}
              </title>
              <text x={LABEL_W - 6} y={y + 14} textAnchor="end">
                {short(row.label)}
              </text>
              {series.map((s) => {
                const w = ((row.values[s.key] ?? 0) / max) * plotW;
                const rect =
                  w > 0 ? (
                    <rect
                      key={s.key}
                      className={s.className}
                      x={x}
                      y={y}
                      width={w}
                      height={ROW - 8}
                    />
                  ) : null;
                x += w;
                return rect;
              })}
              <text x={x + 4} y={y + 14}>
                {totals[i]}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th>Đơn vị</th>
              {series.map((s) => (
                <th key={s.key}>{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <td>{row.label}</td>
                {series.map((s) => (
                  <td key={s.key}>{row.values[s.key] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
