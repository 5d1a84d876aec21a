import { useEffect, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { DateInput } from "../forms/date-input.js";
import { formatDate } from "../format/date.format.js";
import type { Holiday } from "./reminders.api.js";

type Row = Holiday & { key: number };

let nextKey = 1;
const toRows = (items: readonly Holiday[]): Row[] => items.map((h) => ({ ...h, key: nextKey++ }));

/** Why the year's rows cannot be saved, naming the row; "" when they can. */
function rowsProblem(rows: readonly Row[], year: number): string {
  for (const [i, r] of rows.entries()) {
    if (!r.date) return `Dòng ${i + 1}: chưa nhập ngày (dd/mm/yyyy).`;
    if (!r.date.startsWith(`${year}-`))
      return `Dòng ${i + 1}: ngày ${formatDate(r.date)} không thuộc năm ${year}.`;
    if (!r.name.trim()) return `Dòng ${i + 1}: chưa nhập tên ngày nghỉ.`;
  }
  return "";
}

/**
 * Public holidays (Tết and the others), edited one year at a time: working days for reminders
 * skip them. Saving replaces the year's days and keeps the other years'.
 */
export function HolidaysAdmin() {
  const holidays = useResource("holidays", (signal) =>
    api<{ items: Holiday[] }>("/api/holidays", { signal }),
  );
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const all = holidays.data?.items;

  useEffect(() => {
    if (all) setRows(toRows(all.filter((h) => h.date.startsWith(`${year}-`))));
  }, [all, year]);

  const years = [
    ...new Set([
      thisYear - 1,
      thisYear,
      thisYear + 1,
      ...(all ?? []).map((h) => Number(h.date.slice(0, 4))),
    ]),
  ].sort((a, b) => a - b);
  const change = (key: number, patch: Partial<Holiday>) => {
    setSaved(false);
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const problem = rowsProblem(rows, year);
    if (problem) {
      setError(new Error(problem));
      return;
    }
    const others = (all ?? []).filter((h) => !h.date.startsWith(`${year}-`));
    try {
      await api("/api/holidays", {
        method: "PUT",
        body: {
          items: [...others, ...rows.map((r) => ({ date: r.date, name: r.name.trim() }))],
        },
      });
      setSaved(true);
      holidays.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  if (holidays.loading && !all) return <Loading />;
  if (!all) return <ErrorBox error={holidays.error} />;
  return (
    <form className="card" onSubmit={save} aria-labelledby="holidays-title" noValidate>
      <h2 id="holidays-title">Ngày nghỉ lễ, Tết</h2>
      <p className="hint">
        Ngày làm việc khi tính lịch nhắc việc bỏ qua thứ Bảy, Chủ nhật và các ngày dưới đây. Hạn báo
        cáo rơi vào ngày nghỉ không bị dời.
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor="h-year">Năm</label>
          <select
            id="h-year"
            value={year}
            onChange={(e) => {
              setYear(Number(e.target.value));
              setSaved(false);
              setError(null);
            }}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="table-wrap cards">
        <table aria-label={`Ngày nghỉ năm ${year}`}>
          <thead>
            <tr>
              <th scope="col">Ngày</th>
              <th scope="col">Tên ngày nghỉ</th>
              <th scope="col">
                <span className="sr-only">Xoá</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <td data-label="Ngày">
                  <DateInput
                    id={`h-date-${r.key}`}
                    value={r.date}
                    onChange={(date) => change(r.key, { date })}
                  />
                </td>
                <td data-label="Tên">
                  <input
                    type="text"
                    aria-label={`Tên ngày nghỉ dòng ${i + 1}`}
                    value={r.name}
                    maxLength={200}
                    onChange={(e) => change(r.key, { name: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      setSaved(false);
                      setRows((list) => list.filter((x) => x.key !== r.key));
                    }}
                  >
                    Xoá dòng {i + 1}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p className="empty">Năm {year} chưa có ngày nghỉ nào.</p>}
      <ErrorBox error={error} />
      <StatusRegion>
        {saved && (
          <p className="alert success">
            Đã lưu {rows.length} ngày nghỉ năm {year}.
          </p>
        )}
      </StatusRegion>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setRows((list) => [...list, ...toRows([{ date: "", name: "" }])])}
        >
          Thêm ngày nghỉ
        </button>
        <button type="submit">Lưu ngày nghỉ năm {year}</button>
      </div>
    </form>
  );
}
