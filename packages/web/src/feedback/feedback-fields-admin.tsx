import type { FieldView as Field } from "@giamsat/server/api";
import { useState, type FormEvent } from "react";
import { api } from "../api/client.js";
import type { Organisation } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { Empty, ErrorBox, Loading } from "../components/feedback.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

const fieldOf = fieldsByPath({
  name: { id: "ff-name", label: "Tên lĩnh vực" },
  unitId: { id: "ff-unit", label: "Đơn vị gợi ý xử lý" },
});

/**
 * The fields (lĩnh vực) visitors choose on the feedback form, each with the unit proposed when
 * the monitoring department routes a submission of that field; a field no longer used is
 * stopped (kept on the submissions that chose it), not deleted.
 */
export function FeedbackFieldsAdmin() {
  const fields = useResource("feedback-fields-admin", (signal) =>
    api<Field[]>("/api/feedback-fields", { signal }),
  );
  const [name, setName] = useState("");
  const [unit, setUnit] = useState<Organisation | null>(null);
  // the add form's errors beside its fields; a stop or reuse that fails, above the table
  const errors = useFormErrors(fieldOf);
  const [toggleError, setToggleError] = useState<Error | null>(null);
  const [done, setDone] = useState("");

  const run = async (
    request: () => Promise<Field>,
    message: (f: Field) => string,
    failed: (e: Error) => void,
  ) => {
    errors.clear();
    setToggleError(null);
    setDone("");
    try {
      setDone(message(await request()));
      fields.reload();
    } catch (e) {
      failed(e as Error);
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () =>
        api<Field>("/api/feedback-fields", {
          body: { name: name.trim(), unitId: unit?.id ?? null },
        }),
      (f) => {
        setName("");
        setUnit(null);
        return `Đã thêm lĩnh vực ${f.name}.`;
      },
      (e) => errors.show(e),
    );
  };
  const toggle = (f: Field) =>
    void run(
      () =>
        api<Field>(`/api/feedback-fields/${f.id}`, {
          method: "PATCH",
          body: { active: !f.active },
        }),
      (next) => `${next.active ? "Đã dùng lại" : "Đã ngừng dùng"} lĩnh vực ${next.name}.`,
      setToggleError,
    );

  return (
    <>
      <ErrorSummary errors={errors} />
      <form
        className="filters"
        onSubmit={add}
        aria-label="Thêm lĩnh vực góp ý"
        {...errors.formProps}
      >
        <div className="field">
          <label htmlFor="ff-name">Tên lĩnh vực</label>
          <input
            id="ff-name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            {...errors.field("ff-name")}
          />
          <FieldError errors={errors} id="ff-name" />
        </div>
        <OrgCombobox
          id="ff-unit"
          label="Đơn vị gợi ý xử lý (nếu có)"
          kind="unit"
          value={unit}
          onChange={setUnit}
          errors={errors}
        />
        <div className="field">
          <button type="submit">Thêm lĩnh vực</button>
        </div>
      </form>
      <ErrorBox error={toggleError ?? fields.error} />
      <p role="status" className="muted">
        {done}
      </p>
      {fields.loading && !fields.data && <Loading />}
      {fields.data && fields.data.length === 0 && <Empty>Chưa có lĩnh vực nào.</Empty>}
      {fields.data && fields.data.length > 0 && (
        <div className="table-wrap cards">
          <table>
            <thead>
              <tr>
                <th>Lĩnh vực</th>
                <th>Đơn vị gợi ý xử lý</th>
                <th>Trên biểu mẫu</th>
              </tr>
            </thead>
            <tbody>
              {fields.data.map((f) => (
                <tr key={f.id}>
                  <td>{f.name}</td>
                  <td data-label="Đơn vị">{f.unit ?? "—"}</td>
                  <td data-label="Trên biểu mẫu">
                    {f.active ? "Đang dùng" : "Đã ngừng"}{" "}
                    <button type="button" className="secondary" onClick={() => toggle(f)}>
                      {f.active ? `Ngừng dùng ${f.name}` : `Dùng lại ${f.name}`}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
