import { vietnamDay } from "@giamsat/core";
import { useEffect, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { DateInput } from "../forms/date-input.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldProblem, type FieldOf } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { formatDate } from "../format/date.format.js";
import type { Holiday } from "./reminders.api.js";

type Row = Holiday & { key: number };

let nextKey = 1;
const toRows = (items: readonly Holiday[]): Row[] => items.map((h) => ({ ...h, key: nextKey++ }));

/**
 * The row field a path of the saved list names ("items.7.date"): the other years' days are sent
 * first, `offset` of them, then the shown rows — the date or name of row N ("Ngày, dòng 2").
 */
const rowFieldOf =
  (rows: readonly Row[], offset: number): FieldOf =>
  (path) => {
    const match = /^items\.(\d+)\.(date|name)$/.exec(path);
    const line = match ? Number(match[1]) - offset : -1;
    const row = rows[line];
    if (!match || !row) return undefined;
    return match[2] === "date"
      ? { id: `h-date-${row.key}`, label: "Ngày", line: line + 1 }
      : { id: `h-name-${row.key}`, label: "Tên ngày nghỉ", line: line + 1 };
  };

/** Why the year's rows cannot be saved, on the row's field (path as sent); null when they can. */
function rowsProblem(rows: readonly Row[], year: number, offset: number) {
  for (const [i, r] of rows.entries()) {
    const at = (field: string) => `items.${offset + i}.${field}`;
    if (!r.date) return fieldProblem(at("date"), "Chưa nhập ngày (dd/mm/yyyy).");
    if (!r.date.startsWith(`${year}-`))
      return fieldProblem(at("date"), `Ngày ${formatDate(r.date)} không thuộc năm ${year}.`);
    if (!r.name.trim()) return fieldProblem(at("name"), "Chưa nhập tên ngày nghỉ.");
  }
  return null;
}

/**
 * Public holidays (Tết and the others), edited one year at a time: working days for reminders
 * skip them. Saving replaces the year's days and keeps the other years'.
 */
export function HolidaysAdmin() {
  const holidays = useResource("holidays", (signal) =>
    api<{ items: Holiday[] }>("/api/holidays", { signal }),
  );
  const thisYear = Number(vietnamDay().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [rows, setRows] = useState<Row[]>([]);
  const all = holidays.data?.items;
  const others = (all ?? []).filter((h) => !h.date.startsWith(`${year}-`));
  const errors = useFormErrors(rowFieldOf(rows, others.length));
  const [saved, setSaved] = useState(false);

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
    errors.clear();
    setSaved(false);
    const problem = rowsProblem(rows, year, others.length);
    if (problem) {
      errors.show(problem);
      return;
    }
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
      errors.show(e as Error);
    }
  };

  if (holidays.loading && !all) return <Loading />;
  if (!all) return <ErrorBox error={holidays.error} />;
  return (
    <form
      className="card"
      onSubmit={save}
      aria-labelledby="holidays-title"
      noValidate
      {...errors.formProps}
    >
      <h2 id="holidays-title">Ngày nghỉ lễ, Tết</h2>
      <ErrorSummary errors={errors} />
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
              errors.clear();
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
                    {...errors.field(`h-date-${r.key}`)}
                  />
                  <FieldError errors={errors} id={`h-date-${r.key}`} />
                </td>
                <td data-label="Tên">
                  <input
                    id={`h-name-${r.key}`}
                    type="text"
                    aria-label={`Tên ngày nghỉ dòng ${i + 1}`}
                    value={r.name}
                    maxLength={200}
                    onChange={(e) => change(r.key, { name: e.target.value })}
                    {...errors.field(`h-name-${r.key}`)}
                  />
                  <FieldError errors={errors} id={`h-name-${r.key}`} />
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
