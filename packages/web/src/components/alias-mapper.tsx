import { useState } from "react";
import { api } from "../api/client.js";
import type { ImportPreview, Organisation } from "../api/types.js";
import { ErrorBox } from "./feedback.js";

type Props = {
  unresolved: ImportPreview["unresolved"];
  orgs: Organisation[];
  onMapped: () => void;
};

/** For each unit name the directory does not know: pick the organisation it means; the alias is remembered. */
export function AliasMapper({ unresolved, orgs, onMapped }: Props) {
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const units = orgs
    .filter((o) => o.kind === "unit")
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));

  const save = async (raw: string) => {
    const orgId = choice[raw];
    if (!orgId) return;
    setBusy(true);
    setError(null);
    try {
      await api(`/api/organisations/${orgId}/aliases`, { body: { alias: raw } });
      onMapped();
    } catch (e) {
      setError(e as Error);
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
            Chọn đơn vị trong danh mục mà tên gọi này chỉ tới; hệ thống sẽ ghi nhớ tên gọi khác cho
            các lần nhập sau.
          </p>
          <ErrorBox error={error} />
          <ul className="file-list">
            {unresolved.map((u, i) => (
              <li key={u.raw}>
                <label htmlFor={`alias-${i}`}>
                  “{u.raw}”{" "}
                  <span className="muted">
                    ({u.count} lần{u.lines.length ? `, dòng ${u.lines.slice(0, 5).join(", ")}` : ""}
                    )
                  </span>
                </label>
                <span className="actions">
                  <select
                    id={`alias-${i}`}
                    value={choice[u.raw] ?? ""}
                    onChange={(e) => setChoice({ ...choice, [u.raw]: e.target.value })}
                  >
                    <option value="">— Chọn đơn vị —</option>
                    {units.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy || !choice[u.raw]}
                    onClick={() => void save(u.raw)}
                  >
                    Ghi nhớ
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
