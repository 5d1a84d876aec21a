import { useState } from "react";
import { api } from "../api/client.js";
import type { Organisation } from "../api/types.js";
import { OrgCombobox } from "./org-combobox.js";

/**
 * A unit name the directory lacks, created as a new unit under a parent chosen with the picker
 * (POST /api/organisations/for-alias): the name is remembered for the next imports and the tasks
 * already stored with it are linked.
 */
export function NewUnitForm({
  id,
  raw,
  suggested,
  onCreated,
  onError,
}: {
  id: string;
  raw: string;
  suggested: string;
  onCreated: () => void;
  onError: (error: Error | null) => void;
}) {
  const [name, setName] = useState(suggested);
  const [parent, setParent] = useState<Organisation | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    if (!parent) return;
    setBusy(true);
    onError(null);
    try {
      await api("/api/organisations/for-alias", {
        body: { name: name.trim(), parentId: parent.id, alias: raw },
      });
      onCreated();
    } catch (e) {
      onError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="new-unit"
      aria-label={`Tạo đơn vị mới cho “${raw}”`}
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Tên đơn vị mới</label>
        <input
          id={`${id}-name`}
          required
          maxLength={500}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <OrgCombobox
        id={`${id}-parent`}
        label="Thuộc đơn vị cấp trên"
        required
        value={parent}
        onChange={setParent}
      />
      <button type="submit" disabled={busy}>
        Tạo đơn vị
      </button>
    </form>
  );
}
