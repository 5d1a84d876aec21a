import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { Organisation } from "../api/types.js";
import { StatusRegion } from "../components/feedback.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

const fieldOf = fieldsByPath({ signoffRequired: { id: "signoff-on", label: "Ký duyệt" } });

/**
 * The administrator's switch for one unit: its staff's reports wait for the
 * unit head's sign-off before they reach the monitoring department. Off by default.
 */
export function SignoffSetting({ onSaved }: { onSaved: () => void }) {
  const [org, setOrg] = useState<Organisation | null>(null);
  const [on, setOn] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const errors = useFormErrors(fieldOf);
  const pick = (picked: Organisation | null) => {
    setOrg(picked);
    setOn(picked?.signoffRequired ?? false);
    setSaved(null);
  };
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // the picker is required: the browser's check names it while no unit is chosen
    if (!org) return;
    errors.clear();
    try {
      await api(`/api/organisations/${org.id}/signoff`, {
        method: "PUT",
        body: { signoffRequired: on },
      });
      setSaved(on ? `Đã bật ký duyệt cho ${org.name}.` : `Đã tắt ký duyệt cho ${org.name}.`);
      onSaved();
    } catch (e) {
      errors.show(e as Error);
    }
  };
  return (
    <form
      className="card"
      onSubmit={(e) => void save(e)}
      aria-labelledby="signoff-setting-title"
      {...errors.formProps}
    >
      <h2 id="signoff-setting-title">Ký duyệt của lãnh đạo đơn vị</h2>
      <p className="muted">
        Khi bật, báo cáo do cán bộ của đơn vị gửi phải được lãnh đạo đơn vị ký duyệt rồi mới chuyển
        tới cơ quan theo dõi. Báo cáo do lãnh đạo đơn vị gửi, và báo cáo của đơn vị chưa có tài
        khoản lãnh đạo đơn vị, vẫn chuyển thẳng.
      </p>
      <ErrorSummary errors={errors} />
      <div className="filters">
        <OrgCombobox
          id="signoff-org"
          label="Đơn vị"
          required
          value={org}
          onChange={pick}
          errors={errors}
        />
        <label className="check">
          <input
            id="signoff-on"
            type="checkbox"
            checked={on}
            disabled={!org}
            onChange={(e) => setOn(e.target.checked)}
            {...errors.field("signoff-on")}
          />{" "}
          Báo cáo của cán bộ cần lãnh đạo đơn vị ký duyệt
        </label>
        <FieldError errors={errors} id="signoff-on" />
        <button type="submit">Lưu</button>
      </div>
      <StatusRegion>{saved && <p className="alert success">{saved}</p>}</StatusRegion>
    </form>
  );
}
