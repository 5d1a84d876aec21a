import { FEEDBACK_DEADLINE_DAYS, type FeedbackKind } from "@giamsat/core";
import type { AnswerDaysView, FeedbackItemView } from "@giamsat/server/api";
import { useState, type FormEvent } from "react";
import { api } from "../api/client.js";
import { useChosenOrganisation } from "../api/use-organisation.js";
import { useResource } from "../api/use-resource.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFeedbackAction } from "./feedback-action.js";

const fieldOf = fieldsByPath({
  unitId: { id: "fb-unit", label: "Đơn vị xử lý" },
  days: { id: "fb-days", label: "Hạn trả lời" },
  note: { id: "fb-note", label: "Ghi chú cho đơn vị" },
});

/**
 * The monitoring department routes a submission to the unit that answers it: the unit is
 * proposed from the task's lead unit; the deadline is counted in working days on the server.
 */
export function FeedbackRouteForm({
  item,
  onDone,
}: {
  item: FeedbackItemView;
  onDone: (item: FeedbackItemView) => void;
}) {
  const suggested = item.unitId ?? item.suggestedUnitId;
  const [unit, setUnit] = useChosenOrganisation(suggested === null ? null : String(suggested));
  // the kind's answer days as the administrator set them; typed days replace them
  const deadlines = useResource("feedback-deadlines", (signal) =>
    api<AnswerDaysView[]>("/api/feedback-deadlines", { signal }),
  );
  const kindDays =
    deadlines.data?.find((k) => k.kind === item.kind)?.days ??
    FEEDBACK_DEADLINE_DAYS[item.kind as FeedbackKind];
  const [typed, setDays] = useState<string | null>(null);
  const days = typed ?? String(kindDays);
  const [note, setNote] = useState("");
  const action = useFeedbackAction(item.id, fieldOf, onDone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // the picker is required: the browser's check names it while no unit is chosen
    if (!unit) return;
    void action.run("route", {
      unitId: unit.id,
      days: Number(days),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };

  return (
    <form
      className="card change-form"
      onSubmit={submit}
      aria-labelledby="fb-route-title"
      {...action.errors.formProps}
    >
      <h2 id="fb-route-title">
        {item.status === "received" ? "Chuyển đơn vị xử lý" : "Chuyển đơn vị khác"}
      </h2>
      <ErrorSummary errors={action.errors} />
      {item.suggestedUnitId !== null && item.suggestedUnitId === unit?.id && (
        <p className="muted small" data-testid="feedback-suggested">
          Gợi ý: {item.task ? "đơn vị chủ trì của nhiệm vụ liên quan" : "đơn vị phụ trách lĩnh vực"}
          .
        </p>
      )}
      <OrgCombobox
        id="fb-unit"
        label="Đơn vị xử lý"
        kind="unit"
        value={unit}
        onChange={setUnit}
        required
        errors={action.errors}
      />
      <div className="field">
        <label htmlFor="fb-days">Hạn trả lời (ngày làm việc)</label>
        <input
          id="fb-days"
          type="number"
          min={1}
          max={60}
          required
          value={days}
          onChange={(e) => setDays(e.target.value)}
          {...action.errors.field("fb-days")}
        />
        <FieldError errors={action.errors} id="fb-days" />
      </div>
      <div className="field">
        <label htmlFor="fb-note">Ghi chú cho đơn vị (không công khai)</label>
        <textarea
          id="fb-note"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          {...action.errors.field("fb-note")}
        />
        <FieldError errors={action.errors} id="fb-note" />
      </div>
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          Chuyển đơn vị
        </button>
      </div>
    </form>
  );
}
