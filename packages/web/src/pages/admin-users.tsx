import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { Organisation, UserView } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { ROLE_LABELS } from "../format/status.format.js";

/** Users and roles: list, create a user with a role and a unit. */
export function AdminUsers() {
  const me = useUser();
  const users = useResource("users", (signal) =>
    api<{ items: UserView[] }>("/api/users", { signal }),
  );
  const [org, setOrg] = useState<Organisation | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const update = async (id: number, body: { role?: string; active?: boolean }, done: string) => {
    setError(null);
    setSaved(null);
    try {
      await api(`/api/users/${id}`, { method: "PATCH", body });
      setSaved(done);
      users.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const orgId = String(data.get("orgId") ?? "");
    setError(null);
    setSaved(null);
    try {
      await api("/api/users", {
        body: {
          username: String(data.get("username")).trim(),
          displayName: String(data.get("displayName")).trim(),
          password: String(data.get("password")),
          role: String(data.get("role")),
          orgId: orgId ? Number(orgId) : null,
          email: String(data.get("email") ?? "").trim() || null,
        },
      });
      setSaved(`Đã tạo tài khoản ${String(data.get("username"))}.`);
      form.reset();
      setOrg(null);
      users.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <>
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
              minLength={8}
              autoComplete="new-password"
            />
          </div>
          <div className="field">
            <label htmlFor="u-role">Vai trò</label>
            <select id="u-role" name="role" defaultValue="unit_staff">
              {Object.entries(ROLE_LABELS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <OrgCombobox
            id="u-org"
            label="Đơn vị"
            placeholder="Để trống nếu không thuộc đơn vị"
            kind="unit"
            name="orgId"
            value={org}
            onChange={setOrg}
          />
        </div>
        <ErrorBox error={error} />
        {saved && <p className="alert success">{saved}</p>}
        <button type="submit">Tạo tài khoản</button>
      </form>
      <ErrorBox error={users.error} />
      {users.loading && !users.data && <Loading />}
      <div className="table-wrap cards">
        <table>
          <thead>
            <tr>
              <th>Tên đăng nhập</th>
              <th>Họ và tên</th>
              <th>Vai trò</th>
              <th>Đơn vị</th>
              <th>Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {(users.data?.items ?? []).map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td data-label="Họ tên">
                  {u.displayName}
                  {u.email && <small className="user-email">{u.email}</small>}
                </td>
                <td data-label="Vai trò">
                  <select
                    aria-label={`Vai trò của ${u.username}`}
                    value={u.role}
                    onChange={(e) => void update(u.id, { role: e.target.value }, "Đã đổi vai trò.")}
                  >
                    {Object.entries(ROLE_LABELS).map(([code, label]) => (
                      <option key={code} value={code}>
                        {label}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label="Đơn vị">{u.orgName ?? "—"}</td>
                <td data-label="Trạng thái">
                  {u.active ? "Đang hoạt động" : "Đã khoá"}{" "}
                  {u.id !== me.id && (
                    <button
                      type="button"
                      className={u.active ? "secondary" : undefined}
                      onClick={() =>
                        void update(
                          u.id,
                          { active: !u.active },
                          u.active
                            ? `Đã khoá tài khoản ${u.username}.`
                            : `Đã mở khoá tài khoản ${u.username}.`,
                        )
                      }
                    >
                      {u.active ? `Khoá ${u.username}` : `Mở khoá ${u.username}`}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
