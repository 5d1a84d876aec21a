import type { Organisation } from "../api/types.js";
import { orgLabel } from "../format/org.format.js";
import type { FormErrors } from "../forms/use-form-errors.js";
import { OrgCombobox } from "./org-combobox.js";

/** Choose one or more units from the directory: the unit picker, and the chosen units as removable chips. */
export function OrgPicker({
  id,
  label,
  chosen,
  onChange,
  errors,
}: {
  id: string;
  label: string;
  chosen: Organisation[];
  onChange: (orgs: Organisation[]) => void;
  errors?: FormErrors;
}) {
  return (
    <div className="org-picker">
      <OrgCombobox
        id={id}
        label={label}
        kind="unit"
        value={null}
        clearOnPick
        errors={errors}
        exclude={chosen.map((o) => o.id)}
        onChange={(org) => org && onChange([...chosen, org])}
      />
      {chosen.length > 0 && (
        <ul className="chosen-orgs" aria-label="Đơn vị đã chọn">
          {chosen.map((o) => (
            <li key={o.id}>
              {orgLabel(o)}{" "}
              <button
                type="button"
                className="secondary"
                aria-label={`Bỏ ${o.name}`}
                onClick={() => onChange(chosen.filter((c) => c.id !== o.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
