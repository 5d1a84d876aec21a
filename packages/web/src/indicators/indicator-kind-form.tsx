import { useState, type FormEvent } from "react";
import { api } from "../api/client.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { DIRECTION_LABELS, KIND_LABELS } from "./indicator.format.js";
import type { IndicatorItem } from "./indicator.types.js";

const fieldOf = fieldsByPath({
  kind: { id: "ik-kind", label: "Loại" },
  direction: { id: "ik-direction", label: "Chiều" },
  reason: { id: "ik-reason", label: "Lý do điều chỉnh" },
});

type Kind = IndicatorItem["kind"];
type Direction = IndicatorItem["direction"];

/**
 * The kind and direction with the inference and its reasons; the monitoring department corrects
 * them (empty choice: back to the inference) with a reason kept in the audit log.
 */
export function IndicatorKindField({
  indicator,
  canCorrect,
  onChange,
}: {
  indicator: IndicatorItem;
  canCorrect: boolean;
  onChange: () => void;
}) {
  const { inferred } = indicator;
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind | "">(indicator.correction?.kind ?? "");
  const [direction, setDirection] = useState<Direction | "">(indicator.correction?.direction ?? "");
  const [reason, setReason] = useState("");
  const errors = useFormErrors(fieldOf);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    try {
      await api(`/api/indicators/${indicator.id}/kind`, {
        method: "PUT",
        body: { kind: kind || null, direction: direction || null, reason },
      });
      setOpen(false);
      setReason("");
      onChange();
    } catch (err) {
      errors.show(err as Error);
    }
  };

  return (
    <>
      {KIND_LABELS[indicator.kind]} · {DIRECTION_LABELS[indicator.direction]}
      <div className="muted small">
        {indicator.correction ? "Cơ quan theo dõi đã điều chỉnh. " : ""}
        Suy ra từ cách ghi: {KIND_LABELS[inferred.kind]} · {DIRECTION_LABELS[inferred.direction]} —{" "}
        {inferred.reasons.join("; ")}
      </div>
      {canCorrect && !open && (
        <button type="button" className="link-button" onClick={() => setOpen(true)}>
          Điều chỉnh loại, chiều
        </button>
      )}
      {canCorrect && open && (
        <form
          className="indicator-kind-form"
          onSubmit={submit}
          aria-label="Điều chỉnh loại, chiều"
          {...errors.formProps}
        >
          <ErrorSummary errors={errors} />
          <div className="field">
            <label htmlFor="ik-kind">Loại</label>
            <select
              id="ik-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              {...errors.field("ik-kind")}
            >
              <option value="">Theo suy luận ({KIND_LABELS[inferred.kind]})</option>
              {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
            <FieldError errors={errors} id="ik-kind" />
          </div>
          <div className="field">
            <label htmlFor="ik-direction">Chiều</label>
            <select
              id="ik-direction"
              value={direction}
              onChange={(e) => setDirection(e.target.value as Direction)}
              {...errors.field("ik-direction")}
            >
              <option value="">Theo suy luận ({DIRECTION_LABELS[inferred.direction]})</option>
              {(Object.keys(DIRECTION_LABELS) as Direction[]).map((d) => (
                <option key={d} value={d}>
                  {DIRECTION_LABELS[d]}
                </option>
              ))}
            </select>
            <FieldError errors={errors} id="ik-direction" />
          </div>
          <div className="field">
            <label htmlFor="ik-reason">Lý do điều chỉnh</label>
            <textarea
              id="ik-reason"
              rows={2}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              {...errors.field("ik-reason")}
            />
            <FieldError errors={errors} id="ik-reason" />
          </div>
          <div className="actions">
            <button type="submit">Lưu</button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Huỷ
            </button>
          </div>
        </form>
      )}
    </>
  );
}
