import { useState } from "react";
import { api } from "../api/client.js";
import type { Organisation, Page, UserView } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { Pager } from "../components/pager.js";
import { RoleOptions } from "../components/role-options.js";
import { ROLE_LABELS } from "../format/status.format.js";
import { AdminUserCreate } from "./admin-user-create.js";
import { AdminUserEdit } from "./admin-user-edit.js";

/** Rows a page. */
const PAGE_ROWS = 50;

type UserFilter = { q: string; role: string; org: Organisation | null; active: string };

/**
 * Users and roles: search, filter by role, unit and state, a page of 50 at a time; create, edit
 * one (role, unit, password), lock and unlock.
 */
export function AdminUsers() {
  const me = useUser();
  const [filter, setFilterState] = useState<UserFilter>({ q: "", role: "", org: null, active: "" });
  const [page, setPage] = useState(1);
  const setFilter = (change: Partial<UserFilter>) => {
    setFilterState((f) => ({ ...f, ...change }));
    setPage(1);
  };
  const term = filter.q.trim();
  const query = {
    q: term,
    role: filter.role,
    org: filter.org?.id,
    active: filter.active,
    limit: PAGE_ROWS,
    offset: (page - 1) * PAGE_ROWS,
  };
  const users = useResource(`users ${JSON.stringify(query)}`, (signal) =>
    api<Page<UserView>>("/api/users", { query, signal }),
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
  const pages = Math.max(1, Math.ceil((users.data?.total ?? 0) / PAGE_ROWS));
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
            value={filter.q}
            onChange={(e) => setFilter({ q: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="user-role-filter">Vai trò</label>
          <select
            id="user-role-filter"
            value={filter.role}
            onChange={(e) => setFilter({ role: e.target.value })}
          >
            <option value="">Mọi vai trò</option>
            <RoleOptions />
          </select>
        </div>
        <OrgCombobox
          id="user-org-filter"
          label="Đơn vị"
          placeholder="Mọi đơn vị — gõ tên, không cần dấu"
          value={filter.org}
          onChange={(org) => setFilter({ org })}
        />
        <div className="field">
          <label htmlFor="user-active-filter">Trạng thái</label>
          <select
            id="user-active-filter"
            value={filter.active}
            onChange={(e) => setFilter({ active: e.target.value })}
          >
            <option value="">Mọi trạng thái</option>
            <option value="true">Đang hoạt động</option>
            <option value="false">Đã khoá</option>
          </select>
        </div>
      </div>
      <ErrorBox error={error ?? users.error} />
      <StatusRegion>{saved && <p className="alert success">{saved}</p>}</StatusRegion>
      {users.loading && !users.data && <Loading />}
      {users.data && (
        <p className="muted" role="status">
          {pages > 1
            ? `${users.data.total} tài khoản · trang ${page}/${pages}`
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
      <Pager page={page} pages={pages} onPage={setPage} />
    </>
  );
}
