import { vietnamDay } from "@giamsat/core";
import { useState, type FormEvent } from "react";
import { api } from "../api/client.js";
import { StatusRegion } from "../components/feedback.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

const fieldOf = fieldsByPath({
  period: { id: "iv-period", label: "Kỳ" },
  value: { id: "iv-value", label: "Giá trị" },
  note: { id: "iv-note", label: "Ghi chú, nguồn số liệu" },
  evidence: { id: "iv-evidence", label: "Minh chứng" },
});

/** The previous month (`2026-05` on 04/06/2026): the period a monthly value is usually for. */
function lastMonth(): string {
  const [y, m] = vietnamDay().split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** The responsible unit reports a value for a period (month, quarter or year). */
export function IndicatorValueForm({
  id,
  unit,
  period: asked,
  onSent,
}: {
  id: number;
  unit: string | null;
  /** The period the inbox asked for (`?ky=`), else last month. */
  period: string | null;
  onSent: () => void;
}) {
  const [period, setPeriod] = useState(asked ?? lastMonth());
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [evidence, setEvidence] = useState("");
  const errors = useFormErrors(fieldOf);
  const [sent, setSent] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    setSent(false);
    try {
      await api(`/api/indicators/${id}/values`, {
        body: {
          period: period.trim(),
          value: Number(value.replace(",", ".")),
          ...(note.trim() ? { note } : {}),
          ...(evidence.trim() ? { evidence } : {}),
        },
      });
      setSent(true);
      setValue("");
      onSent();
    } catch (err) {
      errors.show(err as Error);
    }
  };

  return (
    <form
      className="card indicator-value-form"
      onSubmit={submit}
      aria-labelledby="value-form-title"
      {...errors.formProps}
    >
      <h2 id="value-form-title">Báo cáo giá trị</h2>
      <ErrorSummary errors={errors} />
      <StatusRegion>{sent && <p>Đã gửi, đang chờ cơ quan theo dõi thẩm định.</p>}</StatusRegion>
      <div className="field">
        <label htmlFor="iv-period">Kỳ (2026-05, 2026-Q2 hoặc 2026)</label>
        <input
          id="iv-period"
          required
          value={period}
          pattern="\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?"
          onChange={(e) => setPeriod(e.target.value)}
          {...errors.field("iv-period")}
        />
        <FieldError errors={errors} id="iv-period" />
      </div>
      <div className="field">
        <label htmlFor="iv-value">Giá trị{unit ? ` (${unit})` : ""}</label>
        <input
          id="iv-value"
          required
          inputMode="decimal"
          pattern="-?\d+([.,]\d+)?"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          {...errors.field("iv-value")}
        />
        <FieldError errors={errors} id="iv-value" />
      </div>
      <div className="field">
        <label htmlFor="iv-note">Ghi chú, nguồn số liệu</label>
        <textarea
          id="iv-note"
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...errors.field("iv-note")}
        />
        <FieldError errors={errors} id="iv-note" />
      </div>
      <div className="field">
        <label htmlFor="iv-evidence">Minh chứng (số văn bản hoặc đường dẫn)</label>
        <input
          id="iv-evidence"
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          {...errors.field("iv-evidence")}
        />
        <FieldError errors={errors} id="iv-evidence" />
      </div>
      <button type="submit">Gửi giá trị</button>
    </form>
  );
}
