import { useState } from "react";
import { api } from "../api/client.js";
import type { Page, UserView } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { RoleOptions } from "../components/role-options.js";
import { ROLE_LABELS } from "../format/status.format.js";
import { AdminUserCreate } from "./admin-user-create.js";
import { AdminUserEdit } from "./admin-user-edit.js";

/** Rows shown; the search narrows the rest. */
const SHOWN_ROWS = 50;

/** Users and roles: search, create, edit one (role, unit, password), lock and unlock. */
export function AdminUsers() {
  const me = useUser();
  const [q, setQ] = useState("");
  const [role, setRole] = useState("");
  const term = q.trim();
  const users = useResource(`users ${role} ${term}`, (signal) =>
    api<Page<UserView>>("/api/users", { query: { q: term, role, limit: SHOWN_ROWS }, signal }),
  );
  const [editing, setEditing] = useState<UserView | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const setActive = async (u: UserView, active: boolean) => {
    setError(null);
    setSaved(null);
    try {
      await api(`/api/users/${u.id}`, { method: "PATCH", body: { active } });
      setSaved(active ? `Đã mở khoá tài khoản ${u.username}.` : `Đã khoá tài khoản ${u.username}.`);
      users.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  const items = users.data?.items ?? [];
  return (
    <>
      <AdminUserCreate onCreated={users.reload} />
      {editing && (
        <AdminUserEdit
          key={editing.id}
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setSaved(message);
            setEditing(null);
            users.reload();
          }}
        />
      )}
      <div className="card filters" role="search" aria-label="Lọc người dùng">
        <div className="field">
          <label htmlFor="user-search">Tìm người dùng</label>
          <input
            id="user-search"
            type="search"
            placeholder="Tên đăng nhập, họ tên hoặc đơn vị, không cần dấu"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="user-role-filter">Vai trò</label>
          <select id="user-role-filter" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">Mọi vai trò</option>
            <RoleOptions />
          </select>
        </div>
      </div>
      <ErrorBox error={error ?? users.error} />
      {saved && (
        <p className="alert success" role="status">
          {saved}
        </p>
      )}
      {users.loading && !users.data && <Loading />}
      {users.data && (
        <p className="muted" role="status">
          {users.data.total > items.length
            ? `Hiển thị ${items.length}/${users.data.total} tài khoản — gõ để tìm tài khoản khác.`
            : `${users.data.total} tài khoản.`}
        </p>
      )}
      <div className="table-wrap cards">
        <table>
          <thead>
            <tr>
              <th>Tên đăng nhập</th>
              <th>Họ và tên</th>
              <th>Vai trò</th>
              <th>Đơn vị</th>
              <th>Trạng thái</th>
              <th>Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td data-label="Họ tên">
                  {u.displayName}
                  {u.email && <small className="user-email">{u.email}</small>}
                </td>
                <td data-label="Vai trò">{ROLE_LABELS[u.role] ?? u.role}</td>
                <td data-label="Đơn vị">{u.orgName ?? "—"}</td>
                <td data-label="Trạng thái">{u.active ? "Đang hoạt động" : "Đã khoá"}</td>
                <td data-label="Thao tác">
                  <span className="actions">
                    <button type="button" className="secondary" onClick={() => setEditing(u)}>
                      Sửa {u.username}
                    </button>
                    {u.id !== me.id && (
                      <button
                        type="button"
                        className={u.active ? "secondary" : undefined}
                        onClick={() => void setActive(u, !u.active)}
                      >
                        {u.active ? `Khoá ${u.username}` : `Mở khoá ${u.username}`}
                      </button>
                    )}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
