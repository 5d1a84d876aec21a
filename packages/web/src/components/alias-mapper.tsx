import { useState } from "react";
import { api } from "../api/client.js";
import type { ImportPreview, Organisation } from "../api/types.js";
import { ErrorSummary } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { NewUnitForm } from "./new-unit-form.js";
import { OrgCombobox } from "./org-combobox.js";

type Props = {
  unresolved: ImportPreview["unresolved"];
  /** the file's line numbers mean something (a converted text, not .docx/.xlsx) */
  textLines: boolean;
  onMapped: () => void;
};

/** The picker of row `i`: the field a refused alias is shown on. */
const rowFields = (i: number, raw: string) =>
  fieldsByPath({ alias: { id: `alias-${i}`, label: `Đơn vị mà “${raw}” chỉ tới` } });
const NO_ROW = fieldsByPath({});

/** For each unit name the directory does not know: pick the organisation it means; the alias is remembered. */
export function AliasMapper({ unresolved, textLines, onMapped }: Props) {
  const [choice, setChoice] = useState<Record<string, Organisation | null>>({});
  // one row is saved at a time: its picker shows the error (placed by `show(error, rowFields)`)
  const errors = useFormErrors(NO_ROW);
  const [busy, setBusy] = useState(false);
  const [creating, setCreating] = useState<string | null>(null);

  const save = async (i: number, raw: string) => {
    const org = choice[raw];
    if (!org) return;
    setBusy(true);
    errors.clear();
    try {
      await api(`/api/organisations/${org.id}/aliases`, { body: { alias: raw } });
      onMapped();
    } catch (e) {
      errors.show(e as Error, rowFields(i, raw));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="unresolved-title">
      <h2 id="unresolved-title">Đơn vị chưa nhận diện được ({unresolved.length})</h2>
      {unresolved.length === 0 ? (
        <p className="muted">Mọi đơn vị trong văn bản đều đã có trong danh mục.</p>
      ) : (
        <>
          <p>
            Chọn đơn vị trong danh mục mà tên gọi này chỉ tới, hoặc tạo đơn vị mới (chọn đơn vị cấp
            trên) nếu danh mục chưa có; hệ thống sẽ ghi nhớ tên gọi này cho các lần nhập sau.
          </p>
          <ErrorSummary errors={errors} />
          <ul className="file-list">
            {unresolved.map((u, i) => (
              <li key={u.raw}>
                <p>
                  “{u.raw}”{" "}
                  <span className="muted">
                    ({u.count} lần: {u.places.slice(0, 5).join("; ")}
                    {u.places.length > 5 ? "; …" : ""}
                    {textLines && u.lines.length ? ` — dòng ${u.lines.slice(0, 5).join(", ")}` : ""}
                    )
                  </span>
                </p>
                <span className="actions">
                  <OrgCombobox
                    id={`alias-${i}`}
                    label={`Đơn vị mà “${u.raw}” chỉ tới`}
                    kind="unit"
                    value={choice[u.raw] ?? null}
                    onChange={(org) => setChoice({ ...choice, [u.raw]: org })}
                    errors={errors}
                  />
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy || !choice[u.raw]}
                    onClick={() => void save(i, u.raw)}
                  >
                    Ghi nhớ
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-expanded={creating === u.raw}
                    onClick={() => setCreating(creating === u.raw ? null : u.raw)}
                  >
                    Tạo đơn vị mới…
                  </button>
                </span>
                {creating === u.raw && (
                  <NewUnitForm
                    id={`new-unit-${i}`}
                    raw={u.raw}
                    suggested={u.name}
                    onCreated={() => {
                      setCreating(null);
                      onMapped();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
