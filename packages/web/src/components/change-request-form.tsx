import { useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { Organisation } from "../api/types.js";
import { CHANGE_KINDS } from "../format/change-request.format.js";
import { announce } from "./announcer.js";
import { OrgPicker } from "./org-picker.js";
import { useFocusOn } from "./use-focus-on.js";
import { DateInput } from "../forms/date-input.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldProblem, fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

type Kind = "extend_deadline" | "reassign" | "change_output" | "cancel";

const fieldOf = fieldsByPath({
  kind: { id: "cr-kind", label: "Nội dung đề xuất" },
  dueDate: { id: "cr-due", label: "Thời hạn mới" },
  leadOrgIds: { id: "cr-orgs", label: "Đơn vị chủ trì mới" },
  output: { id: "cr-output", label: "Sản phẩm mới" },
  reason: { id: "cr-reason", label: "Lý do đề xuất" },
});

/** A unit's proposal to amend its task (new deadline, other units, new output, cancel). */
export function ChangeRequestForm({ taskId, onSent }: { taskId: number; onSent: () => void }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>("extend_deadline");
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const errors = useFormErrors(fieldOf);
  const [busy, setBusy] = useState(false);
  // opening moves the keyboard to the form's heading; closing (sent or cancelled) back to the button
  const heading = useFocusOn<HTMLHeadingElement>(open);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!open && wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open)
    return (
      <button ref={opener} type="button" className="secondary" onClick={() => setOpen(true)}>
        Đề xuất điều chỉnh
      </button>
    );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    errors.clear();
    const data = new FormData(event.currentTarget);
    const reason = String(data.get("reason") ?? "").trim();
    const body: Record<string, unknown> = { kind, reason };
    if (kind === "extend_deadline") body.dueDate = String(data.get("dueDate") ?? "");
    if (kind === "change_output") body.output = String(data.get("output") ?? "").trim();
    if (kind === "reassign") {
      if (orgs.length === 0) {
        errors.show(fieldProblem("leadOrgIds", "Chọn ít nhất một đơn vị chủ trì mới."));
        return;
      }
      body.leadOrgIds = orgs.map((o) => o.id);
    }
    setBusy(true);
    try {
      await api(`/api/tasks/${taskId}/change-requests`, { body });
      setOpen(false);
      setOrgs([]);
      announce("Đã gửi đề xuất điều chỉnh; đề xuất đang chờ lãnh đạo quyết định.");
      onSent();
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card change-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="cr-title"
      {...errors.formProps}
    >
      <h2 id="cr-title" ref={heading} tabIndex={-1}>
        Đề xuất điều chỉnh nhiệm vụ
      </h2>
      <ErrorSummary errors={errors} />
      <fieldset>
        <legend>Nội dung đề xuất</legend>
        {(Object.keys(CHANGE_KINDS) as Kind[]).map((k) => (
          <label key={k} className="radio">
            <input
              type="radio"
              name="kind"
              id={kind === k ? "cr-kind" : undefined}
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
            />{" "}
            {CHANGE_KINDS[k]}
          </label>
        ))}
      </fieldset>
      {kind === "extend_deadline" && (
        <div className="field">
          <label htmlFor="cr-due">Thời hạn mới</label>
          <DateInput id="cr-due" name="dueDate" required {...errors.field("cr-due")} />
          <FieldError errors={errors} id="cr-due" />
        </div>
      )}
      {kind === "reassign" && (
        <OrgPicker
          id="cr-orgs"
          label="Đơn vị chủ trì mới"
          chosen={orgs}
          onChange={setOrgs}
          errors={errors}
        />
      )}
      {kind === "change_output" && (
        <div className="field">
          <label htmlFor="cr-output">Sản phẩm mới</label>
          <textarea
            id="cr-output"
            name="output"
            required
            rows={2}
            maxLength={5000}
            {...errors.field("cr-output")}
          />
          <FieldError errors={errors} id="cr-output" />
        </div>
      )}
      <div className="field">
        <label htmlFor="cr-reason">Lý do đề xuất (bắt buộc)</label>
        <textarea
          id="cr-reason"
          name="reason"
          required
          rows={3}
          maxLength={5000}
          {...errors.field("cr-reason")}
        />
        <FieldError errors={errors} id="cr-reason" />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          Gửi đề xuất
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Huỷ bỏ
        </button>
      </div>
    </form>
  );
}
