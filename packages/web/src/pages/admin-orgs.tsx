import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { Organisation, Page } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { SignoffSetting } from "../signoff/signoff-setting.js";

/** Rows of the directory table; the search narrows the rest. */
const SHOWN_ROWS = 100;

/**
 * The organisation directory: search, add a unit, rename a unit, add an alias to a unit, turn
 * a unit's sign-off by its head on or off.
 */
export function AdminOrgs() {
  const [q, setQ] = useState("");
  const term = q.trim();
  const orgs = useResource(`organisations ${term}`, (signal) =>
    api<Page<Organisation>>("/api/organisations", {
      query: { q: term, limit: SHOWN_ROWS },
      signal,
    }),
  );
  const [error, setError] = useState<Error | null>(null);
  const [parent, setParent] = useState<Organisation | null>(null);
  const [aliasOrg, setAliasOrg] = useState<Organisation | null>(null);
  const [renamed, setRenamed] = useState<Organisation | null>(null);

  const run = async (action: () => Promise<unknown>, form: HTMLFormElement) => {
    setError(null);
    try {
      await action();
      form.reset();
      setParent(null);
      setAliasOrg(null);
      setRenamed(null);
      orgs.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const addOrg = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = {
      name: String(data.get("name")).trim(),
      kind: String(data.get("kind")),
      parentId: parent?.id ?? null,
    };
    void run(() => api("/api/organisations", { body }), event.currentTarget);
  };
  const addAlias = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (!aliasOrg) return;
    void run(
      () =>
        api(`/api/organisations/${aliasOrg.id}/aliases`, {
          body: { alias: String(data.get("alias")).trim() },
        }),
      event.currentTarget,
    );
  };

  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const org = renamed;
    if (!org) return;
    const shortName = String(data.get("shortName") ?? "").trim();
    const name = String(data.get("name")).trim();
    const body = { name, kind: org.kind, shortName: shortName || null };
    const keepOldName = name !== org.name && !(org.aliases ?? []).includes(org.name);
    void run(async () => {
      await api(`/api/organisations/${org.id}`, { method: "PATCH", body });
      if (keepOldName)
        await api(`/api/organisations/${org.id}/aliases`, { body: { alias: org.name } });
    }, event.currentTarget);
  };

  return (
    <>
      <ErrorBox error={error ?? orgs.error} />
      <div className="grid-2">
        <form className="card" onSubmit={addOrg} aria-labelledby="add-org-title">
          <h2 id="add-org-title">Thêm đơn vị</h2>
          <div className="field">
            <label htmlFor="org-name">Tên đơn vị</label>
            <input id="org-name" name="name" type="text" required />
          </div>
          <div className="field">
            <label htmlFor="org-kind">Loại</label>
            <select id="org-kind" name="kind" defaultValue="unit">
              <option value="unit">Đơn vị</option>
              <option value="group">Nhóm đơn vị (ví dụ “Các đơn vị thuộc Bộ”)</option>
            </select>
          </div>
          <OrgCombobox
            id="org-parent"
            label="Thuộc (để trống nếu là cấp cao nhất)"
            value={parent}
            onChange={setParent}
          />
          <button type="submit">Thêm đơn vị</button>
        </form>
        <form className="card" onSubmit={addAlias} aria-labelledby="add-alias-title">
          <h2 id="add-alias-title">Thêm tên gọi khác</h2>
          <OrgCombobox
            id="alias-org"
            label="Đơn vị"
            required
            value={aliasOrg}
            onChange={setAliasOrg}
          />
          <div className="field">
            <label htmlFor="alias-text">Tên gọi khác (viết tắt, lỗi chính tả…)</label>
            <input id="alias-text" name="alias" type="text" required />
          </div>
          <button type="submit">Ghi nhớ tên gọi</button>
        </form>
      </div>
      <form className="card" onSubmit={rename} aria-labelledby="rename-org-title">
        <h2 id="rename-org-title">Đổi tên đơn vị</h2>
        <p className="muted">
          Tên cũ được giữ làm tên gọi khác để các văn bản ghi tên cũ vẫn nhận ra đơn vị.
        </p>
        <div className="filters">
          <OrgCombobox
            id="rename-org"
            label="Đơn vị"
            required
            value={renamed}
            onChange={setRenamed}
          />
          <div className="field">
            <label htmlFor="rename-name">Tên mới</label>
            <input id="rename-name" name="name" type="text" required maxLength={300} />
          </div>
          <div className="field">
            <label htmlFor="rename-short">Tên viết tắt (không bắt buộc)</label>
            <input id="rename-short" name="shortName" type="text" maxLength={50} />
          </div>
          <button type="submit">Đổi tên</button>
        </div>
      </form>
      <SignoffSetting onSaved={orgs.reload} />
      <div className="field">
        <label htmlFor="org-search">Tìm đơn vị</label>
        <input id="org-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {orgs.loading && !orgs.data && <Loading />}
      {(orgs.data?.total ?? 0) > SHOWN_ROWS && (
        <p className="muted" role="status">
          Hiển thị {SHOWN_ROWS}/{orgs.data?.total} đơn vị — gõ tên để tìm đơn vị khác.
        </p>
      )}
      <div className="table-wrap cards">
        <table>
          <thead>
            <tr>
              <th>Đơn vị</th>
              <th>Thuộc</th>
              <th>Tên gọi khác</th>
              <th>Ký duyệt</th>
            </tr>
          </thead>
          <tbody>
            {(orgs.data?.items ?? []).map((o) => (
              <tr key={o.id}>
                <td>
                  {o.name}
                  {o.kind === "group" ? " (nhóm)" : ""}
                </td>
                <td data-label="Thuộc">{o.parentName ?? "—"}</td>
                <td data-label="Tên gọi khác">{(o.aliases ?? []).join("; ") || "—"}</td>
                <td data-label="Ký duyệt">{o.signoffRequired ? "Bật" : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
