import { useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { ChangeRequestView, Organisation } from "../api/types.js";
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

/** The units a returned reassignment named, to fill the picker again. */
async function namedUnits(ids: unknown): Promise<Organisation[]> {
  const wanted = Array.isArray(ids) ? ids.filter((id): id is number => typeof id === "number") : [];
  if (wanted.length === 0) return [];
  const { items } = await api<{ items: Organisation[] }>("/api/organisations", {
    query: { id: wanted.join(","), limit: 100 },
  });
  return items;
}

/**
 * A unit's proposal to amend its task (new deadline, other units, new output, cancel). With
 * `from` (a returned or rejected request), the form opens filled with it, shows why it came back,
 * and sends a new request that names it.
 */
export function ChangeRequestForm({
  taskId,
  onSent,
  from = null,
  onClosed,
}: {
  taskId: number;
  onSent: () => void;
  from?: ChangeRequestView | null;
  onClosed?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Kind>("extend_deadline");
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  useEffect(() => {
    if (!from) return;
    setOpen(true);
    setKind(from.kind);
    setOrgs([]);
    if (from.kind === "reassign") void namedUnits(from.payload.leadOrgIds).then(setOrgs);
  }, [from]);
  const close = () => {
    setOpen(false);
    onClosed?.();
  };
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
    if (from) body.resubmits = from.id;
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
      close();
      setOrgs([]);
      announce(
        from
          ? `Đã gửi lại đề xuất số ${from.id} thành một đề xuất mới.`
          : "Đã gửi đề xuất điều chỉnh; đề xuất đang chờ lãnh đạo quyết định.",
      );
      onSent();
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      key={from?.id ?? "new"}
      className="card change-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="cr-title"
      {...errors.formProps}
    >
      <h2 id="cr-title" ref={heading} tabIndex={-1}>
        {from ? `Gửi lại đề xuất số ${from.id}` : "Đề xuất điều chỉnh nhiệm vụ"}
      </h2>
      {from && (
        <p className="alert" data-testid="cr-returned-reason">
          {from.status === "returned"
            ? "Lãnh đạo đơn vị trả lại đề xuất"
            : "Lãnh đạo không chấp thuận đề xuất"}
          {from.decisionComment ? ` — lý do: ${from.decisionComment}` : "."} Sửa nội dung rồi gửi
          lại; đề xuất cũ vẫn được lưu.
        </p>
      )}
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
          <DateInput
            id="cr-due"
            name="dueDate"
            required
            defaultValue={
              typeof from?.payload.dueDate === "string" ? from.payload.dueDate : undefined
            }
            {...errors.field("cr-due")}
          />
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
            defaultValue={typeof from?.payload.output === "string" ? from.payload.output : ""}
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
          defaultValue={from?.reason ?? ""}
          rows={3}
          maxLength={5000}
          {...errors.field("cr-reason")}
        />
        <FieldError errors={errors} id="cr-reason" />
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {from ? "Gửi lại đề xuất" : "Gửi đề xuất"}
        </button>
        <button type="button" className="secondary" onClick={close}>
          Huỷ bỏ
        </button>
      </div>
    </form>
  );
}
