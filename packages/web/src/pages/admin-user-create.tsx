import { StatusRegion } from "../components/feedback.js";
import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { Organisation } from "../api/types.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { RoleOptions } from "../components/role-options.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { userFieldOf } from "./user-fields.js";

/** Create an account with a role and a unit; `onCreated` refreshes the list. */
export function AdminUserCreate({ onCreated }: { onCreated: () => void }) {
  const [org, setOrg] = useState<Organisation | null>(null);
  const errors = useFormErrors(userFieldOf("u"));
  const [saved, setSaved] = useState<string | null>(null);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    errors.clear();
    setSaved(null);
    try {
      await api("/api/users", {
        body: {
          username: String(data.get("username")).trim(),
          displayName: String(data.get("displayName")).trim(),
          password: String(data.get("password")),
          role: String(data.get("role")),
          orgId: org?.id ?? null,
          email: String(data.get("email") ?? "").trim() || null,
        },
      });
      setSaved(`Đã tạo tài khoản ${String(data.get("username"))}.`);
      form.reset();
      setOrg(null);
      onCreated();
    } catch (e) {
      errors.show(e as Error);
    }
  };

  return (
    <form className="card" onSubmit={add} aria-labelledby="add-user-title" {...errors.formProps}>
      <h2 id="add-user-title">Tạo tài khoản</h2>
      <ErrorSummary errors={errors} />
      <div className="filters">
        <div className="field">
          <label htmlFor="u-name">Tên đăng nhập</label>
          <input
            id="u-name"
            name="username"
            type="text"
            required
            autoComplete="off"
            {...errors.field("u-name")}
          />
          <FieldError errors={errors} id="u-name" />
        </div>
        <div className="field">
          <label htmlFor="u-display">Họ và tên</label>
          <input
            id="u-display"
            name="displayName"
            type="text"
            required
            {...errors.field("u-display")}
          />
          <FieldError errors={errors} id="u-display" />
        </div>
        <div className="field">
          <label htmlFor="u-email">E-mail nhận thông báo</label>
          <input
            id="u-email"
            name="email"
            type="email"
            autoComplete="off"
            {...errors.field("u-email")}
          />
          <FieldError errors={errors} id="u-email" />
        </div>
        <div className="field">
          <label htmlFor="u-password">Mật khẩu ban đầu</label>
          <input
            id="u-password"
            name="password"
            type="password"
            required
            autoComplete="new-password"
            {...errors.field("u-password")}
          />
          <FieldError errors={errors} id="u-password" />
        </div>
        <div className="field">
          <label htmlFor="u-role">Vai trò</label>
          <select id="u-role" name="role" defaultValue="unit_staff" {...errors.field("u-role")}>
            <RoleOptions />
          </select>
          <FieldError errors={errors} id="u-role" />
        </div>
        <OrgCombobox
          id="u-org"
          label="Đơn vị"
          placeholder="Để trống nếu không thuộc đơn vị"
          kind="unit"
          value={org}
          onChange={setOrg}
          errors={errors}
        />
      </div>
      <StatusRegion>{saved && <p className="alert success">{saved}</p>}</StatusRegion>
      <button type="submit">Tạo tài khoản</button>
    </form>
  );
}
