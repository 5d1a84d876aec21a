import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { Organisation, Page } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors, type FormErrors } from "../forms/use-form-errors.js";
import { SignoffSetting } from "../signoff/signoff-setting.js";

const addOrgFields = fieldsByPath({
  name: { id: "org-name", label: "Tên đơn vị" },
  kind: { id: "org-kind", label: "Loại" },
  parentId: { id: "org-parent", label: "Thuộc" },
});
const aliasFields = fieldsByPath({ alias: { id: "alias-text", label: "Tên gọi khác" } });
const renameFields = fieldsByPath({
  name: { id: "rename-name", label: "Tên mới" },
  shortName: { id: "rename-short", label: "Tên viết tắt" },
});

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
  const addOrgErrors = useFormErrors(addOrgFields);
  const aliasErrors = useFormErrors(aliasFields);
  const renameErrors = useFormErrors(renameFields);
  const [parent, setParent] = useState<Organisation | null>(null);
  const [aliasOrg, setAliasOrg] = useState<Organisation | null>(null);
  const [renamed, setRenamed] = useState<Organisation | null>(null);

  const run = async (action: () => Promise<unknown>, form: HTMLFormElement, errors: FormErrors) => {
    errors.clear();
    try {
      await action();
      form.reset();
      setParent(null);
      setAliasOrg(null);
      setRenamed(null);
      orgs.reload();
    } catch (e) {
      errors.show(e as Error);
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
    void run(() => api("/api/organisations", { body }), event.currentTarget, addOrgErrors);
  };
  const addAlias = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    // the picker is required: the browser's check names it while no unit is chosen
    if (!aliasOrg) return;
    void run(
      () =>
        api(`/api/organisations/${aliasOrg.id}/aliases`, {
          body: { alias: String(data.get("alias")).trim() },
        }),
      event.currentTarget,
      aliasErrors,
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
    void run(
      async () => {
        await api(`/api/organisations/${org.id}`, { method: "PATCH", body });
        if (keepOldName)
          await api(`/api/organisations/${org.id}/aliases`, { body: { alias: org.name } });
      },
      event.currentTarget,
      renameErrors,
    );
  };

  return (
    <>
      <ErrorBox error={orgs.error} />
      <div className="grid-2">
        <form
          className="card"
          onSubmit={addOrg}
          aria-labelledby="add-org-title"
          {...addOrgErrors.formProps}
        >
          <h2 id="add-org-title">Thêm đơn vị</h2>
          <ErrorSummary errors={addOrgErrors} />
          <div className="field">
            <label htmlFor="org-name">Tên đơn vị</label>
            <input
              id="org-name"
              name="name"
              type="text"
              required
              {...addOrgErrors.field("org-name")}
            />
            <FieldError errors={addOrgErrors} id="org-name" />
          </div>
          <div className="field">
            <label htmlFor="org-kind">Loại</label>
            <select
              id="org-kind"
              name="kind"
              defaultValue="unit"
              {...addOrgErrors.field("org-kind")}
            >
              <option value="unit">Đơn vị</option>
              <option value="group">Nhóm đơn vị (ví dụ “Các đơn vị thuộc Bộ”)</option>
            </select>
            <FieldError errors={addOrgErrors} id="org-kind" />
          </div>
          <OrgCombobox
            id="org-parent"
            label="Thuộc (để trống nếu là cấp cao nhất)"
            value={parent}
            onChange={setParent}
            errors={addOrgErrors}
          />
          <button type="submit">Thêm đơn vị</button>
        </form>
        <form
          className="card"
          onSubmit={addAlias}
          aria-labelledby="add-alias-title"
          {...aliasErrors.formProps}
        >
          <h2 id="add-alias-title">Thêm tên gọi khác</h2>
          <ErrorSummary errors={aliasErrors} />
          <OrgCombobox
            id="alias-org"
            label="Đơn vị"
            required
            value={aliasOrg}
            onChange={setAliasOrg}
            errors={aliasErrors}
          />
          <div className="field">
            <label htmlFor="alias-text">Tên gọi khác (viết tắt, lỗi chính tả…)</label>
            <input
              id="alias-text"
              name="alias"
              type="text"
              required
              {...aliasErrors.field("alias-text")}
            />
            <FieldError errors={aliasErrors} id="alias-text" />
          </div>
          <button type="submit">Ghi nhớ tên gọi</button>
        </form>
      </div>
      <form
        className="card"
        onSubmit={rename}
        aria-labelledby="rename-org-title"
        {...renameErrors.formProps}
      >
        <h2 id="rename-org-title">Đổi tên đơn vị</h2>
        <ErrorSummary errors={renameErrors} />
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
            errors={renameErrors}
          />
          <div className="field">
            <label htmlFor="rename-name">Tên mới</label>
            <input
              id="rename-name"
              name="name"
              type="text"
              required
              maxLength={300}
              {...renameErrors.field("rename-name")}
            />
            <FieldError errors={renameErrors} id="rename-name" />
          </div>
          <div className="field">
            <label htmlFor="rename-short">Tên viết tắt (không bắt buộc)</label>
            <input
              id="rename-short"
              name="shortName"
              type="text"
              maxLength={50}
              {...renameErrors.field("rename-short")}
            />
            <FieldError errors={renameErrors} id="rename-short" />
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
