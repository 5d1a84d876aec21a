/**
 * A chart's figures as a table the reader can open under it ("Bảng số liệu"): the same data
 * without colour or shape, for anyone who cannot tell the series apart.
 */
export function ChartTable({
  title,
  first,
  columns,
  rows,
}: {
  title: string;
  /** the heading of the rows' label column ("Tháng", "Đơn vị chủ trì", "Kỳ") */
  first: string;
  columns: { key: string; label: string }[];
  rows: { label: string; values: Record<string, number | string> }[];
}) {
  return (
    <details className="chart-table">
      <summary>Bảng số liệu</summary>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {columns.map((c) => (
                  <td key={c.key} className="num">
                    {r.values[c.key] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
