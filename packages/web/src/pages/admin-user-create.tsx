import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { Organisation } from "../api/types.js";
import { ErrorBox } from "../components/feedback.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { RoleOptions } from "../components/role-options.js";

/** Create an account with a role and a unit; `onCreated` refreshes the list. */
export function AdminUserCreate({ onCreated }: { onCreated: () => void }) {
  const [org, setOrg] = useState<Organisation | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
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
      setError(e as Error);
    }
  };

  return (
    <form className="card" onSubmit={add} aria-labelledby="add-user-title">
      <h2 id="add-user-title">Tạo tài khoản</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor="u-name">Tên đăng nhập</label>
          <input id="u-name" name="username" type="text" required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="u-display">Họ và tên</label>
          <input id="u-display" name="displayName" type="text" required />
        </div>
        <div className="field">
          <label htmlFor="u-email">E-mail nhận thông báo</label>
          <input id="u-email" name="email" type="email" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="u-password">Mật khẩu ban đầu</label>
          <input
            id="u-password"
            name="password"
            type="password"
            required
            autoComplete="new-password"
          />
        </div>
        <div className="field">
          <label htmlFor="u-role">Vai trò</label>
          <select id="u-role" name="role" defaultValue="unit_staff">
            <RoleOptions />
          </select>
        </div>
        <OrgCombobox
          id="u-org"
          label="Đơn vị"
          placeholder="Để trống nếu không thuộc đơn vị"
          kind="unit"
          value={org}
          onChange={setOrg}
        />
      </div>
      <ErrorBox error={error} />
      {saved && (
        <p className="alert success" role="status">
          {saved}
        </p>
      )}
      <button type="submit">Tạo tài khoản</button>
    </form>
  );
}
