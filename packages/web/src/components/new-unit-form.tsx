import { useMemo, useState } from "react";
import { api } from "../api/client.js";
import type { Organisation } from "../api/types.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { OrgCombobox } from "./org-combobox.js";

/**
 * A unit name the directory lacks, created as a new unit under a parent chosen with the picker
 * (POST /api/organisations/for-alias): the name is remembered for the next imports and the tasks
 * already stored with it are linked.
 */
export function NewUnitForm({
  id,
  raw,
  suggested,
  onCreated,
}: {
  id: string;
  raw: string;
  suggested: string;
  onCreated: () => void;
}) {
  const fieldOf = useMemo(
    () =>
      fieldsByPath({
        name: { id: `${id}-name`, label: "Tên đơn vị mới" },
        parentId: { id: `${id}-parent`, label: "Thuộc đơn vị cấp trên" },
      }),
    [id],
  );
  const errors = useFormErrors(fieldOf);
  const [name, setName] = useState(suggested);
  const [parent, setParent] = useState<Organisation | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    // the picker is required: the browser's check names it while no parent is chosen
    if (!parent) return;
    setBusy(true);
    errors.clear();
    try {
      await api("/api/organisations/for-alias", {
        body: { name: name.trim(), parentId: parent.id, alias: raw },
      });
      onCreated();
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="new-unit"
      aria-label={`Tạo đơn vị mới cho “${raw}”`}
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
      {...errors.formProps}
    >
      <ErrorSummary errors={errors} />
      <div className="field">
        <label htmlFor={`${id}-name`}>Tên đơn vị mới</label>
        <input
          id={`${id}-name`}
          required
          maxLength={500}
          value={name}
          onChange={(e) => setName(e.target.value)}
          {...errors.field(`${id}-name`)}
        />
        <FieldError errors={errors} id={`${id}-name`} />
      </div>
      <OrgCombobox
        id={`${id}-parent`}
        label="Thuộc đơn vị cấp trên"
        required
        value={parent}
        onChange={setParent}
        errors={errors}
      />
      <button type="submit" disabled={busy}>
        Tạo đơn vị
      </button>
    </form>
  );
}
