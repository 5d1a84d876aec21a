import { useState } from "react";
import { api } from "../api/client.js";
import type { Organisation } from "../api/types.js";
import { useResource } from "../api/use-resource.js";

/**
 * Choose one or more units from the directory: a diacritic-insensitive search (server-side)
 * and the chosen units as removable chips.
 */
export function OrgPicker({
  id,
  label,
  chosen,
  onChange,
}: {
  id: string;
  label: string;
  chosen: Organisation[];
  onChange: (orgs: Organisation[]) => void;
}) {
  const [q, setQ] = useState("");
  const term = q.trim();
  const found = useResource(term.length >= 2 ? `orgs ${term}` : null, (signal) =>
    api<{ items: Organisation[] }>("/api/organisations", {
      query: { q: term, kind: "unit", limit: 8 },
      signal,
    }),
  );
  const chosenIds = new Set(chosen.map((o) => o.id));
  return (
    <div className="field org-picker">
      <label htmlFor={id}>{label}</label>
      {chosen.length > 0 && (
        <ul className="chosen-orgs" aria-label="Đơn vị đã chọn">
          {chosen.map((o) => (
            <li key={o.id}>
              {o.name}{" "}
              <button
                type="button"
                className="secondary"
                aria-label={`Bỏ ${o.name}`}
                onClick={() => onChange(chosen.filter((c) => c.id !== o.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        type="search"
        value={q}
        placeholder="Gõ tên đơn vị, ví dụ: pháp chế"
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
      />
      {term.length >= 2 && found.data && (
        <ul className="org-results" aria-label="Đơn vị tìm thấy">
          {found.data.items.length === 0 && <li className="muted">Không tìm thấy đơn vị.</li>}
          {found.data.items
            .filter((o) => !chosenIds.has(o.id))
            .map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    onChange([...chosen, o]);
                    setQ("");
                  }}
                >
                  Chọn {o.name}
                </button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
