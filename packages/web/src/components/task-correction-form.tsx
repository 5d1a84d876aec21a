import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { OrgLink, Organisation, TaskDetail, VersionChange } from "../api/types.js";
import { DateInput } from "../forms/date-input.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldProblem, fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { StatusRegion } from "./feedback.js";
import { OrgPicker } from "./org-picker.js";

type Saved = { version: number; changes: VersionChange[] };

const fieldOf = fieldsByPath({
  name: { id: "fix-name", label: "Tên nhiệm vụ" },
  leadOrgIds: { id: "fix-lead", label: "Đơn vị chủ trì" },
  coordinatorOrgIds: { id: "fix-coord", label: "Đơn vị phối hợp" },
  dueDate: { id: "fix-due", label: "Thời hạn hoàn thành" },
  output: { id: "fix-output", label: "Sản phẩm" },
  reason: { id: "fix-reason", label: "Lý do hiệu chỉnh" },
});

/** A task's unit as the picker holds it (units the import could not resolve are left out). */
const pickable = (orgs: OrgLink[]): Organisation[] =>
  orgs.flatMap((o) =>
    o.orgId === null
      ? []
      : [
          {
            id: o.orgId,
            name: o.name,
            shortName: null,
            kind: o.kind,
            parentId: null,
            parentName: null,
            aliases: [],
            signoffRequired: false,
          },
        ],
  );

/** The body of a correction: only the fields that differ from the task as shown. */
function changedFields(
  task: TaskDetail,
  data: FormData,
  lead: number[] | null,
  coord: number[] | null,
) {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const body: Record<string, unknown> = { reason: text("reason") };
  if (text("name") !== task.name) body.name = text("name");
  if (task.kind === "time-bound" && text("dueDate") && text("dueDate") !== task.deadline.due)
    body.dueDate = text("dueDate");
  if (text("output") !== (task.output ?? "")) body.output = text("output");
  if ((data.get("confidential") === "on") !== task.confidential)
    body.confidential = data.get("confidential") === "on";
  if (lead) body.leadOrgIds = lead;
  if (coord) body.coordinatorOrgIds = coord;
  return body;
}

/**
 * The monitoring department corrects a task after import: name, lead and coordinating units,
 * deadline, output and the confidential flag, with a required reason. Each save is a version.
 */
export function TaskCorrectionForm({ task, onSaved }: { task: TaskDetail; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [lead, setLead] = useState<Organisation[] | null>(null);
  const [coord, setCoord] = useState<Organisation[] | null>(null);
  const errors = useFormErrors(fieldOf);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);

  const close = () => {
    setOpen(false);
    setLead(null);
    setCoord(null);
    errors.clear();
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ids = (orgs: Organisation[] | null) => orgs?.map((o) => o.id) ?? null;
    const body = changedFields(task, new FormData(event.currentTarget), ids(lead), ids(coord));
    if (lead?.length === 0) {
      errors.show(fieldProblem("leadOrgIds", "Chọn ít nhất một đơn vị chủ trì."));
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      setSaved(await api<Saved>(`/api/tasks/${task.id}/corrections`, { body }));
      close();
      onSaved();
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="correct-title">
      <h2 id="correct-title">Hiệu chỉnh nhiệm vụ</h2>
      <StatusRegion>
        {saved && (
          <p className="alert success">
            Đã lưu phiên bản {saved.version}:{" "}
            {saved.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`).join("; ")}.
          </p>
        )}
      </StatusRegion>
      {!open ? (
        <>
          <p className="muted">
            Sửa những gì văn bản nhập vào chưa đúng; mỗi lần sửa được lưu thành một phiên bản kèm lý
            do.
          </p>
          <button type="button" className="secondary" onClick={() => setOpen(true)}>
            Hiệu chỉnh nhiệm vụ…
          </button>
        </>
      ) : (
        <form
          className="change-form"
          aria-labelledby="correct-title"
          onSubmit={(e) => void submit(e)}
          {...errors.formProps}
        >
          <ErrorSummary errors={errors} />
          <div className="field">
            <label htmlFor="fix-name">Tên nhiệm vụ</label>
            <textarea
              id="fix-name"
              name="name"
              required
              rows={3}
              maxLength={5000}
              defaultValue={task.name}
              {...errors.field("fix-name")}
            />
            <FieldError errors={errors} id="fix-name" />
          </div>
          <OrgPicker
            id="fix-lead"
            label="Đơn vị chủ trì"
            chosen={lead ?? pickable(task.lead)}
            onChange={setLead}
            errors={errors}
          />
          <OrgPicker
            id="fix-coord"
            label="Đơn vị phối hợp"
            chosen={coord ?? pickable(task.coordinators)}
            onChange={setCoord}
            errors={errors}
          />
          {task.kind === "time-bound" ? (
            <div className="field">
              <label htmlFor="fix-due">Thời hạn hoàn thành</label>
              <DateInput
                id="fix-due"
                name="dueDate"
                defaultValue={task.deadline.due ?? undefined}
                {...errors.field("fix-due")}
              />
              <FieldError errors={errors} id="fix-due" />
            </div>
          ) : (
            <p className="muted">Nhiệm vụ thường xuyên: không có thời hạn hoàn thành để sửa.</p>
          )}
          <div className="field">
            <label htmlFor="fix-output">Sản phẩm</label>
            <textarea
              id="fix-output"
              name="output"
              rows={2}
              maxLength={5000}
              defaultValue={task.output ?? ""}
              {...errors.field("fix-output")}
            />
            <FieldError errors={errors} id="fix-output" />
          </div>
          <label className="radio">
            <input type="checkbox" name="confidential" defaultChecked={task.confidential} /> Nhiệm
            vụ mật (chuyên viên đơn vị không xem được)
          </label>
          <div className="field">
            <label htmlFor="fix-reason">Lý do hiệu chỉnh (bắt buộc)</label>
            <textarea
              id="fix-reason"
              name="reason"
              required
              rows={2}
              maxLength={5000}
              {...errors.field("fix-reason")}
            />
            <FieldError errors={errors} id="fix-reason" />
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              Lưu hiệu chỉnh
            </button>
            <button type="button" className="secondary" onClick={close}>
              Huỷ bỏ
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
