/** A small multi-line chart as inline SVG (monthly trend), with a screen-reader table. */
export type LineSeries = { key: string; label: string; className: string };
export type LinePoint = { label: string; values: Record<string, number> };

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 40, right: 36, top: 12, bottom: 30 };

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
  return (
    <figure className="chart-figure">
      <ul className="legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`swatch ${s.className.replace("line-", "")}`} />
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
        {series.map((s) => (
          <g key={s.key}>
            <polyline
              className={s.className}
              points={points.map((p, i) => `${x(i)},${y(p.values[s.key] ?? 0)}`).join(" ")}
            />
            {points.map((p, i) => (
              <circle
                key={p.label}
                className={s.className.replace("line-", "dot-")}
                cx={x(i)}
                cy={y(p.values[s.key] ?? 0)}
                r={4}
              >
                <title>{`${s.label} ${p.label}: ${p.values[s.key] ?? 0}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th>Tháng</th>
              {series.map((s) => (
                <th key={s.key}>{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <td>{p.label}</td>
                {series.map((s) => (
                  <td key={s.key}>{p.values[s.key] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
