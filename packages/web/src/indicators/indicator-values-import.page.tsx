import { useState } from "react";
import { api, apiUrl } from "../api/client.js";
import { StatusRegion } from "../components/feedback.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { FileButton } from "../forms/file-button.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { Link } from "../router/link.js";
import { useLocation } from "../router/router.js";
import { formatValue } from "./indicator.format.js";
import type { SheetPreview } from "./indicator.types.js";

const fieldOf = fieldsByPath({ file: { id: "values-file", label: "Tệp giá trị chỉ tiêu" } });

/**
 * The monitoring department enters indicator values in bulk: it downloads the template (the
 * plan's indicators, one row each), fills the values, previews the file (every error by row and
 * column) and stores all rows, or none while any row has an error.
 */
export function IndicatorValuesImportPage() {
  const { query } = useLocation();
  const plan = query.get("plan");
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<SheetPreview | null>(null);
  // a refused file: its rows' errors in the summary at the top of the form, which takes the keyboard
  const errors = useFormErrors(fieldOf);
  const [busy, setBusy] = useState(false);
  const [stored, setStored] = useState<{ created: number; corrected: number } | null>(null);

  const send = async <T,>(url: string): Promise<T | null> => {
    if (!file) return null;
    const form = new FormData();
    form.append("file", file, file.name);
    setBusy(true);
    errors.clear();
    try {
      return await api<T>(url, { body: form });
    } catch (e) {
      errors.show(e as Error);
      return null;
    } finally {
      setBusy(false);
    }
  };
  const read = async () => {
    setStored(null);
    setPreview(await send<SheetPreview>("/api/indicator-values/import/preview"));
  };
  const store = async () => {
    const result = await send<{ created: number; corrected: number }>(
      "/api/indicator-values/import",
    );
    if (result) {
      setStored(result);
      setPreview(null);
      setFile(null);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/ke-hoach">Kế hoạch</Link>
        {plan && (
          <>
            {" "}
            › <Link to={`/ke-hoach/${plan}`}>Kế hoạch của chỉ tiêu</Link>
          </>
        )}
      </p>
      <h1>Nhập giá trị chỉ tiêu từ Excel</h1>
      <form
        className="card"
        aria-label="Tệp giá trị chỉ tiêu"
        onSubmit={(e) => {
          e.preventDefault();
          void read();
        }}
        {...errors.formProps}
      >
        <ErrorSummary errors={errors} />
        <ol className="steps">
          <li>
            <a
              href={apiUrl("/api/indicator-values/template", { plan })}
              download="mau-gia-tri-chi-tieu.xlsx"
            >
              Tải tệp mẫu (.xlsx)
            </a>{" "}
            — {plan ? "mỗi chỉ tiêu của kế hoạch" : "mỗi chỉ tiêu của mọi kế hoạch"} một dòng.
          </li>
          <li>
            Nhập cột <strong>Giá trị</strong> (tỷ lệ ghi 60 cho 60%) và sửa cột <strong>Kỳ</strong>{" "}
            nếu cần (2026-05, Tháng 5/2026, Quý II/2026 hoặc 2026); dòng để trống giá trị được bỏ
            qua.
          </li>
          <li>Chọn tệp đã điền, xem trước, rồi lưu. Giá trị lưu vào được coi là đã chấp nhận.</li>
        </ol>
        <div className="field">
          <label htmlFor="values-file">Tệp giá trị chỉ tiêu (.xlsx)</label>
          <FileButton
            id="values-file"
            accept=".xlsx"
            required
            chosen={file?.name ?? ""}
            onFiles={(files) => {
              setFile(files?.[0] ?? null);
              setPreview(null);
            }}
            {...errors.field("values-file")}
          />
          <FieldError errors={errors} id="values-file" />
        </div>
        <button type="submit" disabled={!file || busy}>
          Xem trước
        </button>
      </form>
      <StatusRegion>
        {stored && (
          <p className="alert success">
            Đã lưu {stored.created} giá trị
            {stored.corrected > 0 ? ` (${stored.corrected} giá trị sửa giá trị đã có)` : ""}.
          </p>
        )}
      </StatusRegion>
      {preview && <SheetPreviewCard preview={preview} busy={busy} onStore={store} />}
    </>
  );
}

function SheetPreviewCard({
  preview,
  busy,
  onStore,
}: {
  preview: SheetPreview;
  busy: boolean;
  onStore: () => void;
}) {
  const { rows, errors } = preview;
  return (
    <section className="card" aria-labelledby="sheet-preview-title">
      <h2 id="sheet-preview-title">Xem trước: {rows.length} dòng có giá trị</h2>
      {errors.length > 0 && (
        <div className="alert error" role="alert">
          Tệp có {errors.length} lỗi; chưa lưu gì. Sửa tệp rồi chọn lại:
          <ul>
            {errors.map((e) => (
              <li key={`${e.line} ${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="sheet-preview">
            <thead>
              <tr>
                <th scope="col">Dòng</th>
                <th scope="col">Chỉ tiêu</th>
                <th scope="col">Kỳ</th>
                <th scope="col">Giá trị</th>
                <th scope="col">Ghi chú</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>
                    <Link to={`/chi-tieu/${r.indicatorId}`}>
                      {r.number ? `${r.number}. ` : ""}
                      {r.name}
                    </Link>
                  </td>
                  <td>{r.periodLabel}</td>
                  <td>
                    {formatValue(r.value, r.unit)}
                    {r.corrects !== null && <div className="muted small">sửa giá trị đã có</div>}
                  </td>
                  <td>{r.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={busy || errors.length > 0 || rows.length === 0}
          onClick={onStore}
        >
          Lưu {rows.length} giá trị
        </button>
      </div>
    </section>
  );
}
